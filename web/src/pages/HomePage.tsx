import { Alert, Anchor, Container, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { TENANTS_PAGE } from '../nav';
import { MODULE_LABELS, ROLE_LABELS } from '../session/labels';
import { activeTenantOf, displayNameOf } from '../session/session';
import { useSession } from '../session/SessionContext';
import type { MeTenant } from '../session/types';

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

function ActiveTenant({ tenant }: { tenant: MeTenant }) {
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
          <>
            <Text>Modules in use:</Text>
            <List>
              {tenant.modules.map((module) => (
                <List.Item key={module}>
                  <strong>{MODULE_LABELS[module].name}</strong>: {MODULE_LABELS[module].description}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </section>
  );
}

export function HomePage() {
  const me = useSession();
  const tenant = activeTenantOf(me);

  return (
    <Container size="md" py="md">
      <title>Home · EduLedger</title>
      <Stack gap="lg">
        <Title order={1}>Welcome, {displayNameOf(me)}</Title>
        {me.user.isSiteAdmin && (
          <Text>
            You are a {ROLE_LABELS.site_admin.toLowerCase()} of this EduLedger installation.
          </Text>
        )}
        {tenant && <ActiveTenant tenant={tenant} />}
        {!tenant && me.tenants.length === 0 && (
          <Text>
            You are not a member of any tenant yet. A tenant administrator can invite you.
          </Text>
        )}
        {!tenant && me.tenants.length > 0 && (
          <Text>Choose the tenant to work in with the tenant selector at the top of the page.</Text>
        )}
      </Stack>
    </Container>
  );
}
