import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import { AlertTriangleIcon, InboxIcon } from './icons.tsx';

/** Placeholder blocks shaped like the content that is loading; announced once as busy. */
export function LoadingState({ label = 'Loading', rows = 4 }: { label?: string; rows?: number }) {
  return (
    <div className="loading-state" role="status" aria-live="polite">
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row" aria-hidden="true">
          <span className="skeleton" style={{ width: `${28 + ((i * 17) % 30)}%` }} />
          <span className="skeleton" style={{ width: '18%' }} />
          <span className="skeleton" style={{ width: '12%' }} />
        </div>
      ))}
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="row muted" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </span>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}

export function EmptyState({ title, children, action, icon }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <div className="empty-state-icon">{icon ?? <InboxIcon size={28} />}</div>
      <h2 className="empty-state-title">{title}</h2>
      {children && <div className="empty-state-text">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}

export function ErrorState({
  error,
  title = "This couldn't be loaded",
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="empty-state error-state" role="alert">
      <div className="empty-state-icon">
        <AlertTriangleIcon size={28} />
      </div>
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-text">{errorMessage(error)}</p>
      {onRetry && (
        <div className="empty-state-action">
          <button type="button" className="btn btn-secondary" onClick={onRetry}>
            <span className="btn-label">Try again</span>
          </button>
        </div>
      )}
    </div>
  );
}

export function Callout({
  tone = 'info',
  title,
  children,
  icon,
}: {
  tone?: 'info' | 'warning' | 'danger' | 'success';
  title?: string;
  children?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className={`callout callout-${tone}`}>
      {icon ?? <AlertTriangleIcon />}
      <div>
        {title && <p className="callout-title">{title}</p>}
        {children && <div className="callout-text">{children}</div>}
      </div>
    </div>
  );
}
