import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** Shown instead of a page that failed to render. */
export function RouteErrorPage() {
  return (
    <Container component="main" size="sm" py="xl">
      <title>Something went wrong · EduLedger</title>
      <Stack gap="md" align="flex-start">
        <Title order={1}>Something went wrong</Title>
        <Text>
          This page could not be shown. Reload the page, or start again from the home page.
        </Text>
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
      </Stack>
    </Container>
  );
}
