import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { reportError } from '../errorCapture';

/** Shown instead of a page that failed to render (the failure is reported when capture is on). */
export function RouteErrorPage() {
  const error = useRouteError();
  useEffect(() => {
    // An answer the router made up (e.g. no such route) is not a failure of the app.
    if (!isRouteErrorResponse(error)) reportError(error);
  }, [error]);
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
