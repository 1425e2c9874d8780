import type { ReactNode } from 'react';
import { AlertDialog, Dialog as RadixDialog } from 'radix-ui';
import { XIcon } from './icons.tsx';

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** 'sheet' slides from the right edge (side panels such as Activity). */
  variant?: 'modal' | 'sheet';
  /** Stop Escape and outside clicks from closing it (e.g. while a secret is shown). */
  dismissible?: boolean;
}

/** A named modal dialog (role=dialog, labelled by its title, described by its description). */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = 'md',
  variant = 'modal',
  dismissible = true,
}: DialogProps) {
  const block = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog dialog-${variant} dialog-${size}`}
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="dialog-header">
            <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
            {dismissible && (
              <RadixDialog.Close className="icon-btn" aria-label="Close">
                <XIcon />
              </RadixDialog.Close>
            )}
          </header>
          {description && (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          )}
          {children !== undefined && (
            // A side panel's long body (the Activity panel) is focusable, so it scrolls with the keyboard.
            <div
              className="dialog-body"
              {...(variant === 'sheet' ? { tabIndex: 0, role: 'region', 'aria-label': title } : {})}
            >
              {children}
            </div>
          )}
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  pending?: boolean;
  tone?: 'danger' | 'primary';
  /** When set, the confirm button is disabled with this reason (e.g. the I understand check). */
  blockedReason?: string | null;
}

/** An alertdialog asking to confirm one action; focus starts on Cancel. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  pending = false,
  tone = 'danger',
  blockedReason,
}: ConfirmDialogProps) {
  const blocked = pending || Boolean(blockedReason);
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog dialog-modal dialog-sm">
          <header className="dialog-header">
            <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          </header>
          <AlertDialog.Description asChild>
            <div className="dialog-description">{description}</div>
          </AlertDialog.Description>
          {children && <div className="dialog-body">{children}</div>}
          <footer className="dialog-footer">
            <AlertDialog.Cancel className="btn btn-secondary">{cancelLabel}</AlertDialog.Cancel>
            <button
              type="button"
              className={`btn btn-${tone}`}
              aria-disabled={blocked || undefined}
              aria-busy={pending || undefined}
              title={blockedReason ?? undefined}
              onClick={() => {
                if (!blocked) onConfirm();
              }}
            >
              {pending && <span className="spinner" aria-hidden="true" />}
              <span className="btn-label">{confirmLabel}</span>
            </button>
          </footer>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
