import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from './layout/require-session.tsx';
import { RouteError } from './layout/route-error.tsx';
import { FullPageLoader } from './layout/full-page-loader.tsx';
import { HomeRoute } from './routes/home.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { prefetchApiKeys, prefetchSession } from './prefetch.ts';

// The initial bundle holds only what decides where to go (session, redirects, errors); the login
// page, the console frame and every page load on demand. On a first visit the matched route's
// chunks and the session and list requests are already on their way (boot.ts, prefetch.ts).
export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: () => import('./routes/login.tsx').then((m) => ({ Component: m.LoginRoute })),
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
  },
  {
    path: '/',
    element: <RequireSession />,
    loader: prefetchSession,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: 'organizations/:org',
        lazy: () => import('./layout/org-layout.tsx').then((m) => ({ Component: m.OrgLayout })),
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="api-keys" replace /> },
          {
            path: 'api-keys',
            loader: prefetchApiKeys,
            lazy: () => import('./routes/api-keys.tsx').then((m) => ({ Component: m.ApiKeysRoute })),
          },
          {
            path: 'api-keys/new',
            lazy: () => import('./routes/api-key-new.tsx').then((m) => ({ Component: m.ApiKeyNewRoute })),
          },
          {
            path: 'api-keys/:keyId',
            lazy: () => import('./routes/api-key-detail.tsx').then((m) => ({ Component: m.ApiKeyDetailRoute })),
          },
          { path: 'groups', lazy: () => import('./routes/groups.tsx').then((m) => ({ Component: m.GroupsRoute })) },
          {
            path: 'notifications',
            lazy: () => import('./routes/notifications.tsx').then((m) => ({ Component: m.NotificationsRoute })),
          },
          {
            path: 'activity',
            lazy: () => import('./routes/activity.tsx').then((m) => ({ Component: m.ActivityRoute })),
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
