import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ToastProvider } from '../components/ui/toast.tsx';
import { queryClient } from '../lib/query-client.ts';

// Tooltips are only in the console frame: OrgLayout holds their provider, so Radix's tooltip stays
// out of the initial bundle.
export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
