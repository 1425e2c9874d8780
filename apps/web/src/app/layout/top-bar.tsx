import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { DropdownMenu } from 'radix-ui';
import { ChevronDownIcon, KeyIcon, LockIcon, LogOutIcon, MenuIcon } from '../../components/ui/icons.tsx';
import { useLogout } from '../../features/auth/api/logout.ts';
import { useMe } from '../../lib/session.ts';

// The dialog's form and schema (react-hook-form, zod) load when the user menu first opens.
const loadChangePassword = () => import('../../features/account/components/change-password-dialog.tsx');
const ChangePasswordDialog = lazy(() => loadChangePassword().then((m) => ({ default: m.ChangePasswordDialog })));

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

interface TopBarProps {
  /** Narrow screens: the navigation is behind a menu button. */
  navOpen?: boolean;
  onToggleNav?: () => void;
}

export function TopBar({ navOpen = false, onToggleNav }: TopBarProps) {
  const { data: me } = useMe();
  const logout = useLogout();
  const name = me?.user.displayName || me?.user.email || '';
  const [changingPassword, setChangingPassword] = useState(false);
  // Mounted from the first opening on, so that it closes (and animates) like any dialog.
  const [passwordDialogUsed, setPasswordDialogUsed] = useState(false);

  return (
    <header className="top-bar">
      {onToggleNav && (
        <button
          type="button"
          className="icon-btn nav-toggle"
          aria-expanded={navOpen}
          aria-controls="main-nav"
          aria-label="Menu"
          onClick={onToggleNav}
        >
          <MenuIcon size={20} />
        </button>
      )}
      <Link to="/" className="brand" aria-label="Keyward home">
        <span className="brand-mark" aria-hidden="true">
          <KeyIcon size={15} />
        </span>
        <span className="brand-name">Keyward</span>
      </Link>
      <DropdownMenu.Root
        modal={false}
        onOpenChange={(open) => {
          if (open) void loadChangePassword();
        }}
      >
        <DropdownMenu.Trigger className="user-menu-trigger" aria-label={`User menu for ${name}`}>
          <span className="avatar" aria-hidden="true">
            {initials(name)}
          </span>
          <span className="user-menu-name">{name}</span>
          <ChevronDownIcon size={14} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
            <DropdownMenu.Label className="menu-label">
              <span className="menu-user-name">{me?.user.displayName}</span>
              <span className="menu-user-email">{me?.user.email}</span>
            </DropdownMenu.Label>
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item
              className="menu-item"
              onSelect={() => {
                setPasswordDialogUsed(true);
                setChangingPassword(true);
              }}
            >
              <LockIcon />
              <span>Change password</span>
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => logout.mutate()}>
              <LogOutIcon />
              <span>Log out</span>
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {passwordDialogUsed && (
        <Suspense fallback={null}>
          <ChangePasswordDialog open={changingPassword} onOpenChange={setChangingPassword} />
        </Suspense>
      )}
    </header>
  );
}
