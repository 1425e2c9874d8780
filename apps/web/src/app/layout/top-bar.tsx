import { Link } from 'react-router';
import { DropdownMenu } from 'radix-ui';
import { ChevronDownIcon, KeyIcon, LogOutIcon } from '../../components/ui/icons.tsx';
import { useLogout } from '../../features/auth/api/logout.ts';
import { useMe } from '../../lib/session.ts';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

export function TopBar() {
  const { data: me } = useMe();
  const logout = useLogout();
  const name = me?.user.displayName || me?.user.email || '';

  return (
    <header className="top-bar">
      <Link to="/" className="brand" aria-label="Keyward home">
        <span className="brand-mark" aria-hidden="true">
          <KeyIcon size={15} />
        </span>
        <span className="brand-name">Keyward</span>
      </Link>
      <DropdownMenu.Root modal={false}>
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
            <DropdownMenu.Item className="menu-item" onSelect={() => logout.mutate()}>
              <LogOutIcon />
              <span>Log out</span>
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </header>
  );
}
