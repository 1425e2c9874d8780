import { Navigate } from 'react-router';
import { EmptyState } from '../../components/ui/states.tsx';
import { useMe } from '../../lib/session.ts';
import { paths } from '../../lib/use-org-id.ts';

/** `/` goes to the user's first organization. */
export function HomeRoute() {
  const { data } = useMe();
  const first = data?.organizations[0];
  if (first) return <Navigate to={paths.apiKeys(first.id)} replace />;
  return (
    <main className="center-page">
      <EmptyState title="No organization yet">
        <p>Your account is not a member of any organization. Ask an administrator to add you to a group.</p>
      </EmptyState>
    </main>
  );
}
