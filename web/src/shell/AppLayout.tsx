import { Alert, Anchor, AppShell, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate } from 'react-router';
import { noAccess } from '../access';
import { navGroupsFor, navItems as registeredNavItems, type NavItem } from '../nav';
import { HOME_PATH, SIGN_IN_PATH } from '../session/nextPath';
import { useSignOut, useSwitchTenant } from '../session/queries';
import { accessFor, displayNameOf } from '../session/session';
import { SessionContext } from '../session/SessionContext';
import type { Me } from '../session/types';
import { AppNavbar } from './AppNavbar';
import { ProgramSwitcher } from './ProgramSwitcher';
import { TenantSwitcher } from './TenantSwitcher';
import { UserMenu } from './UserMenu';

interface AppLayoutProps {
  /** The signed-in user, or null on pages shown to anyone. */
  me: Me | null;
  navItems?: readonly NavItem[];
}

export function AppLayout({ me, navItems = registeredNavItems }: AppLayoutProps) {
  const [navbarOpened, navbar] = useDisclosure(false);
  const navigate = useNavigate();
  const switchTenant = useSwitchTenant({ onSwitched: () => void navigate(HOME_PATH) });
  const signOut = useSignOut({
    onSignedOut: () => void navigate(SIGN_IN_PATH, { replace: true }),
  });
  const groups = navGroupsFor(navItems, me ? accessFor(me) : noAccess);
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
            <Anchor
              component={Link}
              to={HOME_PATH}
              fw={700}
              size="lg"
              c="inherit"
              underline="never"
            >
              EduLedger
            </Anchor>
          </Group>
          {me && (
            <Group gap="sm" wrap="nowrap">
              <TenantSwitcher
                tenants={me.tenants}
                activeTenantId={me.activeTenantId}
                onChange={(tenantId) => switchTenant.mutate(tenantId)}
                disabled={switchTenant.isPending}
              />
              <ProgramSwitcher me={me} />
              <UserMenu
                label={displayNameOf(me)}
                onSignOut={() => signOut.mutate()}
                signingOut={signOut.isPending}
              />
            </Group>
          )}
        </Group>
      </AppShell.Header>

      {hasNavbar && (
        <AppShell.Navbar id="app-navbar" p="md" aria-label="Main">
          {/* Scrolls when a tenant's pages (both modules) are taller than the window. */}
          <AppShell.Section grow component={ScrollArea}>
            <AppNavbar groups={groups} onNavigate={navbar.close} />
          </AppShell.Section>
        </AppShell.Navbar>
      )}

      <AppShell.Main>
        {switchTenant.isError && (
          <Alert
            color="red"
            title="The tenant could not be switched"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={switchTenant.reset}
            mb="md"
          >
            {switchTenant.error.message}
          </Alert>
        )}
        {signOut.isError && (
          <Alert
            color="red"
            title="You could not be signed out"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={signOut.reset}
            mb="md"
          >
            {signOut.error.message}
          </Alert>
        )}
        <SessionContext value={me}>
          <Outlet />
        </SessionContext>
      </AppShell.Main>
    </AppShell>
  );
}
