import { Alert, Anchor, Center, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { HOME_PATH, SIGN_IN_PATH } from '../session/nextPath';
import { useMe } from '../session/queries';
import { CardPage } from '../ui/CardPage';
import { ErrorAlert } from '../ui/ErrorAlert';
import { publicConfigQuery } from './api';
import { RegisterForm } from './RegisterForm';
import { ResendConfirmation } from './ResendConfirmation';

function SignInLink({ text }: { text: string }) {
  return (
    <Text size="sm">
      {text}{' '}
      <Anchor component={Link} to={SIGN_IN_PATH}>
        Sign in
      </Anchor>
    </Text>
  );
}

function CheckYourEmail({ email }: { email: string }) {
  return (
    <CardPage title="Confirm your email">
      <Alert color="green" variant="light" title="Your institution is created">
        We sent a confirmation link to <strong>{email}</strong>. Open it within 24 hours to activate
        your account, then sign in.
      </Alert>
      <Text size="sm">No email after a few minutes? Check your spam folder, or:</Text>
      <ResendConfirmation email={email} />
      <SignInLink text="Confirmed already?" />
    </CardPage>
  );
}

/** `/register`: create an institution, when this deployment allows self-registration. */
export function RegisterPage() {
  const me = useMe();
  const config = useQuery(publicConfigQuery);
  const [registered, setRegistered] = useState<string | null>(null);

  if (me.data) return <Navigate to={HOME_PATH} replace />;
  if (registered !== null) return <CheckYourEmail email={registered} />;
  return (
    <CardPage title="Create your institution">
      {config.isPending && (
        <Center role="status" py="md">
          <Loader size="sm" aria-label="Loading" />
        </Center>
      )}
      {config.isError && (
        <ErrorAlert
          title="This page could not be loaded"
          error={config.error}
          onRetry={() => void config.refetch()}
          retrying={config.isFetching}
        />
      )}
      {config.data?.selfRegistration === false && (
        <Text>
          New accounts on this EduLedger are created by invitation. Ask an administrator of your
          institution to invite you.
        </Text>
      )}
      {config.data?.selfRegistration && <RegisterForm onRegistered={setRegistered} />}
      <SignInLink text="Already have an account?" />
    </CardPage>
  );
}
