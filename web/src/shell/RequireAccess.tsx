import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { canOpen, type NavItem } from '../nav';
import { HOME_PATH } from '../session/nextPath';
import { accessFor } from '../session/session';
import { useSession } from '../session/SessionContext';

function NoAccess() {
  return (
    <Container size="sm" py="xl">
      <title>No access · EduLedger</title>
      <Stack gap="md" align="flex-start">
        <Title order={1}>You do not have access to this page</Title>
        <Text>
          Your role in this tenant does not include this page. If you need it, ask a tenant
          administrator. If you work in several tenants, check the tenant selected at the top.
        </Text>
        <Anchor component={Link} to={HOME_PATH}>
          Go to the home page
        </Anchor>
      </Stack>
    </Container>
  );
}

interface RequireAccessProps {
  /** The page as the navbar knows it: the same roles decide the link and the page. */
  page: NavItem;
  children: ReactNode;
}

/** Renders the page only for users whose role may open it; others get a plain explanation. */
export function RequireAccess({ page, children }: RequireAccessProps) {
  const me = useSession();
  if (!canOpen(page, accessFor(me))) return <NoAccess />;
  return children;
}
