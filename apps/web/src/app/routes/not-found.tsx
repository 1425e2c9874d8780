import { Link } from 'react-router';
import { usePageTitle } from '../../lib/page-title.ts';
import { EmptyState } from '../../components/ui/states.tsx';

export function NotFoundRoute() {
  usePageTitle('Page not found');
  return (
    <div className="page">
      <EmptyState title="Page not found" action={<Link to="/">Go to the console</Link>}>
        <p>The address does not match any page of the console.</p>
      </EmptyState>
    </div>
  );
}
