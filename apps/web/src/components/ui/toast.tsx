import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Toast } from 'radix-ui';
import { AlertCircleIcon, CheckCircleIcon, XIcon } from './icons.tsx';

export interface ToastMessage {
  title: string;
  description?: string;
  tone?: 'success' | 'error' | 'info';
}

interface ToastEntry extends ToastMessage {
  id: number;
  open: boolean;
}

type Notify = (message: ToastMessage) => void;

const ToastContext = createContext<Notify>(() => undefined);

/** Mutations report their outcome here; toasts are announced politely (errors assertively). */
export function useToast(): Notify {
  return useContext(ToastContext);
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const notify = useCallback<Notify>((message) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-3), { ...message, id, open: true }]);
  }, []);
  const close = (id: number) => {
    setToasts((list) => list.map((t) => (t.id === id ? { ...t, open: false } : t)));
    window.setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 300);
  };
  const value = useMemo(() => notify, [notify]);

  return (
    <ToastContext.Provider value={value}>
      <Toast.Provider swipeDirection="right" duration={6000} label="Notifications">
        {children}
        {toasts.map((t) => (
          <Toast.Root
            key={t.id}
            className={`toast toast-${t.tone ?? 'info'}`}
            open={t.open}
            type={t.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) close(t.id);
            }}
          >
            <span className="toast-icon">{t.tone === 'error' ? <AlertCircleIcon /> : <CheckCircleIcon />}</span>
            <div className="toast-text">
              <Toast.Title className="toast-title">{t.title}</Toast.Title>
              {t.description && <Toast.Description className="toast-description">{t.description}</Toast.Description>}
            </div>
            <Toast.Close className="icon-btn" aria-label="Dismiss notification">
              <XIcon />
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}
