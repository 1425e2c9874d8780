import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from './layout/require-session.tsx';
import { OrgLayout } from './layout/org-layout.tsx';
import { RouteError } from './layout/route-error.tsx';
import { FullPageLoader } from './layout/full-page-loader.tsx';
import { LoginRoute } from './routes/login.tsx';
import { HomeRoute } from './routes/home.tsx';
import { ApiKeysRoute } from './routes/api-keys.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';

// The API Keys page ships in the initial bundle (it is where everyone lands); the wizard, the key
// page and the other pages load on demand.
export const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: 'organizations/:org',
        element: <OrgLayout />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="api-keys" replace /> },
          { path: 'api-keys', element: <ApiKeysRoute /> },
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
