import { Toast } from 'radix-ui';
import { AlertCircleIcon, CheckCircleIcon, XIcon } from './icons.tsx';

export interface ToastMessage {
  title: string;
  description?: string;
  tone?: 'success' | 'error' | 'info';
}

export interface ToastEntry extends ToastMessage {
  id: number;
  open: boolean;
}

/** The toasts themselves (Radix), loaded beside the first page rather than in the initial bundle. */
export function ToastViewport({ toasts, onClose }: { toasts: ToastEntry[]; onClose: (id: number) => void }) {
  return (
    <Toast.Provider swipeDirection="right" duration={6000} label="Notifications">
      {toasts.map((t) => (
        <Toast.Root
          key={t.id}
          className={`toast toast-${t.tone ?? 'info'}`}
          open={t.open}
          type={t.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) onClose(t.id);
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
  );
}
