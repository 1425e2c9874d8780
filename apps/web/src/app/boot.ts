import { orgPath, requestEarly } from '../lib/api-client.ts';
import { listParamsFrom } from '../features/api-keys/hooks/list-params.ts';

// index.html's first script (bootFirst in vite.config.ts), in a chunk without React: it runs while
// React and the router are still loading. On a console page it sends the session request (and, on
// the API Keys page, the list's) and fetches the console frame's code, so that they are there, or on
// their way, when the router starts; the router's loaders (prefetch.ts) take the responses
// (requestEarly in api-client.ts).

function start(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  requestEarly('/rest/auth/me');
  if (pathname.startsWith('/organizations/')) void import('./layout/org-layout.tsx');
  const apiKeysPage = /^\/organizations\/([^/]+)\/api-keys\/?$/.exec(pathname);
  if (apiKeysPage?.[1]) {
    const params = listParamsFrom(new URLSearchParams(search));
    requestEarly(orgPath(decodeURIComponent(apiKeysPage[1]), '/apikeys'), { ...params });
  }
}

try {
  start();
} catch {
  // Only a head start (a malformed address, say): the router sends whatever it needs itself.
}
