import type { ComponentType } from 'react';
import { NavLink, useNavigate } from 'react-router';
import type { MyOrganization } from '@keyward/contract';
import { ActivityIcon, BellIcon, KeyIcon, UsersIcon } from '../../components/ui/icons.tsx';
import { paths } from '../../lib/use-org-id.ts';

interface SideNavProps {
  organizations: MyOrganization[];
  current: MyOrganization | undefined;
  /** Narrow screens: closes the navigation menu (Escape, or after choosing a page). */
  onClose: () => void;
}

const ITEMS: { label: string; to: (org: string) => string; icon: ComponentType<{ size?: number }> }[] = [
  { label: 'API Keys', to: paths.apiKeys, icon: KeyIcon },
  { label: 'Groups', to: paths.groups, icon: UsersIcon },
  { label: 'Notifications', to: paths.notifications, icon: BellIcon },
  { label: 'Activity', to: paths.activity, icon: ActivityIcon },
];

export function SideNav({ organizations, current, onClose }: SideNavProps) {
  const navigate = useNavigate();
  return (
    <nav
      id="main-nav"
      className="side-nav"
      aria-label="Main"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="side-nav-org">
        <span className="side-nav-caption">Organization</span>
        {organizations.length > 1 ? (
          <label className="visually-hidden" htmlFor="org-switcher">
            Organization
          </label>
        ) : null}
        {organizations.length > 1 ? (
          <select
            id="org-switcher"
            className="input select side-nav-switcher"
            value={current?.id ?? ''}
            onChange={(e) => void navigate(paths.apiKeys(e.target.value))}
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.displayName}
              </option>
            ))}
          </select>
        ) : (
          <span className="side-nav-org-name" title={current?.id}>
            {current?.displayName ?? '—'}
          </span>
        )}
      </div>
      {current && (
        <ul className="side-nav-list">
          {ITEMS.map(({ label, to, icon: Icon }) => (
            <li key={label}>
              <NavLink to={to(current.id)} className="side-nav-link" end={false} onClick={onClose}>
                <Icon size={16} />
                <span>{label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      )}
      <div className="side-nav-footer">
        <a href="/rest/docs" className="side-nav-link" target="_blank" rel="noreferrer">
          <span>REST API docs</span>
        </a>
      </div>
    </nav>
  );
}
