import { Card, Container, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface CardPageProps {
  title: string;
  children: ReactNode;
  width?: number;
}

/** A narrow page of one card with a heading, for pages shown before signing in. */
export function CardPage({ title, children, width = 480 }: CardPageProps) {
  return (
    <Container size={width} py="xl">
      <title>{`${title} · EduLedger`}</title>
      <Card withBorder padding="xl">
        <Stack gap="lg">
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Card>
    </Container>
  );
}
