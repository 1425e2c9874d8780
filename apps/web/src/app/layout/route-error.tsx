import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../../components/ui/states.tsx';

/** Shown when a page fails to render or its code can't be loaded (e.g. after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  const message = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : chunkFailed
      ? new Error('A new version of the console is available. Reload the page to continue.')
      : error;
  return (
    <main className="center-page">
      <div className="stack">
        <ErrorState error={message} title="Something went wrong" onRetry={() => window.location.reload()} />
        <p className="subtle" style={{ textAlign: 'center' }}>
          <Link to="/">Back to the console</Link>
        </p>
      </div>
    </main>
  );
}
