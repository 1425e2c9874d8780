import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { setCsrfToken, setUnauthorizedHandler } from '../lib/api-client.ts';
import { AppProvider } from './provider.tsx';
import { router } from './router.tsx';

/** A 401 anywhere: forget everything cached and go to the login page, coming back here after. */
function UnauthorizedRedirect() {
  const client = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(undefined);
      client.clear();
      const here = window.location.pathname + window.location.search;
      if (window.location.pathname !== '/login') {
        void router.navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
      }
    });
    return () => setUnauthorizedHandler(undefined);
  }, [client]);
  return null;
}

export function App() {
  return (
    <AppProvider>
      <UnauthorizedRedirect />
      <RouterProvider router={router} />
    </AppProvider>
  );
}
