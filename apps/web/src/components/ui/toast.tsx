import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ToastEntry, ToastMessage } from './toast-viewport.tsx';

type Notify = (message: ToastMessage) => void;

const ToastContext = createContext<Notify>(() => undefined);

/** Mutations report their outcome here; toasts are announced politely (errors assertively). */
export function useToast(): Notify {
  return useContext(ToastContext);
}

// Requested as the app starts, beside the first page's code: a toast asked for before it arrives
// waits in the state below.
const ToastViewport = lazy(() => import('./toast-viewport.tsx').then((m) => ({ default: m.ToastViewport })));

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const notify = useCallback<Notify>((message) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-3), { ...message, id, open: true }]);
  }, []);
  const close = useCallback((id: number) => {
    setToasts((list) => list.map((t) => (t.id === id ? { ...t, open: false } : t)));
    window.setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 300);
  }, []);
  const value = useMemo(() => notify, [notify]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <Suspense fallback={null}>
        <ToastViewport toasts={toasts} onClose={close} />
      </Suspense>
    </ToastContext.Provider>
  );
}
