import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { noAccess } from '../access';
import { navGroupsFor, navItems as registeredNavItems, type NavItem } from '../nav';
import type { Session } from '../session';
import { AppNavbar } from './AppNavbar';
import { TenantSwitcher } from './TenantSwitcher';

interface AppLayoutProps {
  /** The signed-in user, or null when nobody is signed in. */
  session: Session | null;
  navItems?: readonly NavItem[];
}

export function AppLayout({ session, navItems = registeredNavItems }: AppLayoutProps) {
  const [navbarOpened, navbar] = useDisclosure(false);
  const groups = navGroupsFor(navItems, session?.access ?? noAccess);
  const hasNavbar = groups.length > 0;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={
        hasNavbar
          ? { width: 260, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }
          : undefined
      }
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {hasNavbar && (
              <Burger
                opened={navbarOpened}
                onClick={navbar.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Toggle navigation"
                aria-expanded={navbarOpened}
                aria-controls="app-navbar"
              />
            )}
            <Text component="span" fw={700} size="lg">
              EduLedger
            </Text>
          </Group>
          {session && (
            <TenantSwitcher
              tenants={session.tenants}
              activeSlug={session.activeTenantSlug}
              onChange={session.switchTenant}
            />
          )}
        </Group>
      </AppShell.Header>

      {hasNavbar && (
        <AppShell.Navbar id="app-navbar" p="md" aria-label="Main">
          <AppNavbar groups={groups} onNavigate={navbar.close} />
        </AppShell.Navbar>
      )}

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
