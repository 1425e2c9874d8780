import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../../lib/api-client.ts';
import { useMe } from '../../lib/session.ts';
import { ErrorState } from '../../components/ui/states.tsx';
import { FullPageLoader } from './full-page-loader.tsx';

/** Everything but /login needs a session: without one, go to the login page and come back after. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    if (isApiError(me.error, 401)) {
      const next = location.pathname + location.search;
      return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <main className="center-page">
        <ErrorState error={me.error} title="The console could not start" onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return <Outlet />;
}
