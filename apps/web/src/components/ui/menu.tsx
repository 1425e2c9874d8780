import type { ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';

interface MenuProps {
  trigger: ReactNode;
  children: ReactNode;
  align?: 'start' | 'end';
  label?: string;
}

/** A dropdown menu; `trigger` must be a single focusable element (usually a Button). */
export function Menu({ trigger, children, align = 'start', label }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align={align} sideOffset={4} aria-label={label}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

interface MenuItemProps {
  children: ReactNode;
  onSelect: () => void;
  icon?: ReactNode;
  tone?: 'default' | 'danger';
  /** Disabled items say why, next to their label. */
  disabledReason?: string | null | undefined;
}

export function MenuItem({ children, onSelect, icon, tone = 'default', disabledReason }: MenuItemProps) {
  return (
    <DropdownMenu.Item
      className={`menu-item ${tone === 'danger' ? 'menu-item-danger' : ''}`}
      disabled={Boolean(disabledReason)}
      onSelect={onSelect}
      title={disabledReason ?? undefined}
    >
      {icon}
      <span className="menu-item-text">
        <span>{children}</span>
        {disabledReason && <span className="menu-item-reason">{disabledReason}</span>}
      </span>
    </DropdownMenu.Item>
  );
}
