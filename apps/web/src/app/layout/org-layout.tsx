import { useState } from 'react';
import { Outlet, useLocation, useNavigation, useParams } from 'react-router';
import { EmptyState } from '../../components/ui/states.tsx';
import { TooltipProvider } from '../../components/ui/tooltip.tsx';
import { LeaveGuardHost } from '../../lib/leave-guard.tsx';
import { useMe } from '../../lib/session.ts';
import { SideNav } from './side-nav.tsx';
import { TopBar } from './top-bar.tsx';

/** The console frame: left navigation under the organization's name, top bar, and the page. */
export function OrgLayout() {
  const { org } = useParams();
  const { data: me } = useMe();
  const navigation = useNavigation();
  const organization = me?.organizations.find((o) => o.id === org);
  const location = useLocation();
  // On narrow screens the navigation is a menu: open until the user goes somewhere else.
  const [navOpenAt, setNavOpenAt] = useState<string | null>(null);
  const navOpen = navOpenAt === location.key;

  return (
    <TooltipProvider delayDuration={300}>
      <div className={`shell ${navOpen ? 'shell-nav-open' : ''}`}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar navOpen={navOpen} onToggleNav={() => setNavOpenAt(navOpen ? null : location.key)} />
        {navigation.state === 'loading' && (
          <div className="route-progress" role="progressbar" aria-label="Loading page" />
        )}
        <SideNav organizations={me?.organizations ?? []} current={organization} onClose={() => setNavOpenAt(null)} />
        <main id="main" className="shell-main" tabIndex={-1}>
          {organization ? (
            <Outlet />
          ) : (
            <div className="page">
              <EmptyState title="Organization not available">
                <p>
                  The organization <strong>{org}</strong> does not exist, or you are not a member of it.
                </p>
              </EmptyState>
            </div>
          )}
        </main>
        <LeaveGuardHost />
      </div>
    </TooltipProvider>
  );
}
