import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Container size="sm" py="xl">
      <title>Page not found · EduLedger</title>
      <Stack gap="md" align="flex-start">
        <Title order={1}>Page not found</Title>
        <Text>
          There is no page at this address. It may have moved, or the link may be mistyped.
        </Text>
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
      </Stack>
    </Container>
  );
}
