import { Alert, Anchor, Button, Card, Container, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { TENANTS_PAGE } from '../nav';
import { OutcomesDashboard } from '../outcomes/dashboard/OutcomesDashboard';
import { MY_SECTIONS_PAGE } from '../outcomes/pages';
import { MODULE_LABELS, ROLE_LABELS } from '../session/labels';
import { activeTenantOf, displayNameOf } from '../session/session';
import { useSession } from '../session/SessionContext';
import type { Me, MeTenant } from '../session/types';
import { TenantsOverview } from '../tenants/TenantsOverview';

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

function scopeOf({ role, scope }: MeTenant): string | null {
  if (role === 'district_viewer')
    return `Limited to ${plural(scope.districts?.length ?? 0, 'district')}.`;
  if (role === 'program_admin')
    return `Limited to ${plural(scope.programs?.length ?? 0, 'program')}.`;
  return null;
}

/**
 * Whether the home shows the outcomes dashboard: tenant and program admins of an institution, and
 * site admins working in one.
 */
function seesOutcomesDashboard(me: Me, tenant: MeTenant | null): tenant is MeTenant {
  if (!tenant?.modules.includes('outcomes')) return false;
  return (
    tenant.role === 'tenant_admin' ||
    tenant.role === 'program_admin' ||
    (me.user.isSiteAdmin && tenant.role === null)
  );
}

/** An instructor's way in: the sections they teach. */
function InstructorCard() {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-sections-heading">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id="my-sections-heading">
          Your sections
        </Title>
        <Text size="sm">
          Enter the assessment results of the sections you teach, and submit them for review.
        </Text>
        <Button component={Link} to={MY_SECTIONS_PAGE.path}>
          Open my sections
        </Button>
      </Stack>
    </Card>
  );
}

interface ActiveTenantProps {
  tenant: MeTenant;
  /** The modules in use, when no dashboard tells more. */
  showModules: boolean;
}

function ActiveTenant({ tenant, showModules }: ActiveTenantProps) {
  const scope = scopeOf(tenant);
  return (
    <section aria-labelledby="active-tenant-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="active-tenant-heading">
          {tenant.name}
        </Title>
        {!tenant.isActive && (
          <Alert color="orange" variant="light" title="This tenant is deactivated">
            Its members cannot reach it; its data is kept. You can reactivate it on the{' '}
            <Anchor component={Link} to={TENANTS_PAGE.path}>
              Tenants
            </Anchor>{' '}
            page.
          </Alert>
        )}
        <Text>
          Your role: <strong>{ROLE_LABELS[tenant.role ?? 'site_admin']}</strong>
          {scope !== null && <> · {scope}</>}
        </Text>
        {tenant.modules.length === 0 ? (
          <Text>This tenant has no modules switched on yet.</Text>
        ) : (
          showModules && (
            <>
              <Text>Modules in use:</Text>
              <List>
                {tenant.modules.map((module) => (
                  <List.Item key={module}>
                    <strong>{MODULE_LABELS[module].name}</strong>:{' '}
                    {MODULE_LABELS[module].description}
                  </List.Item>
                ))}
              </List>
            </>
          )
        )}
      </Stack>
    </section>
  );
}

export function HomePage() {
  const me = useSession();
  const tenant = activeTenantOf(me);
  const outcomesDashboard = seesOutcomesDashboard(me, tenant);
  const dashboards = outcomesDashboard || me.user.isSiteAdmin;

  return (
    <Container size={dashboards ? 'xl' : 'md'} py="md">
      <title>Home · EduLedger</title>
      <Stack gap="lg">
        <Title order={1}>Welcome, {displayNameOf(me)}</Title>
        {me.user.isSiteAdmin && (
          <Text>
            You are a {ROLE_LABELS.site_admin.toLowerCase()} of this EduLedger installation.
          </Text>
        )}
        {tenant && <ActiveTenant tenant={tenant} showModules={!outcomesDashboard} />}
        {outcomesDashboard && <OutcomesDashboard />}
        {tenant?.role === 'instructor' && tenant.modules.includes('outcomes') && <InstructorCard />}
        {!tenant && me.tenants.length === 0 && (
          <Text>
            You are not a member of any tenant yet. A tenant administrator can invite you.
          </Text>
        )}
        {!tenant && me.tenants.length > 0 && (
          <Text>Choose the tenant to work in with the tenant selector at the top of the page.</Text>
        )}
        {me.user.isSiteAdmin && <TenantsOverview />}
      </Stack>
    </Container>
  );
}
