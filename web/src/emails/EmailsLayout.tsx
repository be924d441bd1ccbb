import { Container, Stack, Tabs, Text, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { BULK_PATH, EMAILS_PATH, METRICS_PATH, TEMPLATES_PATH } from './paths';

const SECTIONS = [
  { path: EMAILS_PATH, label: 'Recent emails' },
  { path: METRICS_PATH, label: 'Delivery metrics' },
  { path: TEMPLATES_PATH, label: 'Templates' },
  { path: BULK_PATH, label: 'Bulk sends' },
] as const;

/** The section a path belongs to: an email's page is under "Recent emails", a bulk job's under "Bulk sends". */
function sectionOf(pathname: string): string {
  const nested = SECTIONS.slice(1).find(
    ({ path }) => pathname === path || pathname.startsWith(`${path}/`),
  );
  return (nested ?? SECTIONS[0]).path;
}

/** `/admin/emails/*`: the outbox, delivery metrics, the template gallery and bulk sends. */
export function EmailsLayout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = sectionOf(pathname);
  return (
    <Container size="xl" py="md">
      <Stack gap="md">
        <Stack gap={0}>
          <Title order={1}>Emails</Title>
          <Text size="sm" c="dimmed">
            Every email EduLedger sends goes through the outbox: read it, see how delivery went, and
            send it again.
          </Text>
        </Stack>
        <Tabs
          value={current}
          onChange={(path) => {
            if (path !== null) void navigate(path);
          }}
        >
          <Tabs.List aria-label="Email tools">
            {SECTIONS.map(({ path, label }) => (
              <Tabs.Tab key={path} value={path}>
                {label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {SECTIONS.map(({ path }) => (
            <Tabs.Panel key={path} value={path} pt="md">
              {path === current && <Outlet />}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Container>
  );
}
