import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/states.tsx';

export function NotFoundRoute() {
  return (
    <div className="page">
      <EmptyState title="Page not found" action={<Link to="/">Go to the console</Link>}>
        <p>The address does not match any page of the console.</p>
      </EmptyState>
    </div>
  );
}
