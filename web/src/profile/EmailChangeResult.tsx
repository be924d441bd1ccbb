import { Alert } from '@mantine/core';
import { useSearchParams } from 'react-router';

const PARAMS = ['emailChanged', 'emailChangeError'] as const;

/** The outcome of an email confirmation link, which lands on `/profile?emailChanged=1` (or `…Error=1`). */
export function EmailChangeResult() {
  const [searchParams, setSearchParams] = useSearchParams();
  const changed = searchParams.get('emailChanged') === '1';
  const failed = searchParams.get('emailChangeError') === '1';
  if (!changed && !failed) return null;

  function dismiss() {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const name of PARAMS) next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  return changed ? (
    <Alert
      color="green"
      variant="light"
      title="Your email address has been changed"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={dismiss}
    >
      Sign in with your new address from now on.
    </Alert>
  ) : (
    <Alert
      color="red"
      variant="light"
      title="Your email address was not changed"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={dismiss}
    >
      The confirmation link is invalid or has expired. Ask for the change again below.
    </Alert>
  );
}
