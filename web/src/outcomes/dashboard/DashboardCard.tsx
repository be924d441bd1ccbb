import { Anchor, Card, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The height past which a card's table scrolls, so long lists keep the page short. */
export const TABLE_HEIGHT = 420;

interface DashboardCardProps {
  title: string;
  /** Where the card's "see all" link goes, and what it says. */
  link?: { to: string; label: string };
  children: ReactNode;
}

/** A titled card of the dashboard, with a link to the page that has the whole story. */
export function DashboardCard({ title, link, children }: DashboardCardProps) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Card withBorder padding="md" h="100%" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h5" id={id}>
            {title}
          </Title>
          {link && (
            <Anchor component={Link} to={link.to} size="sm">
              {link.label}
            </Anchor>
          )}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
