import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SIGN_IN_PATH } from '../session/nextPath';
import { CardPage } from '../ui/CardPage';

/** The link is unknown, already used or cancelled (404). */
export function InvitationInvalid() {
  return (
    <CardPage title="This invitation cannot be used">
      <Text>
        The link may have been accepted already, cancelled by the person who sent it, or copied
        incompletely. If you have accepted it before, sign in with your email and password.
      </Text>
      <Anchor component={Link} to={SIGN_IN_PATH}>
        Go to sign in
      </Anchor>
    </CardPage>
  );
}

/** The invitation is past its 7 days (410). */
export function InvitationExpired() {
  return (
    <CardPage title="This invitation has expired">
      <Text>
        Invitations are valid for 7 days. Ask the person who invited you to send a new one; the new
        email will have a fresh link.
      </Text>
      <Anchor component={Link} to={SIGN_IN_PATH}>
        Go to sign in
      </Anchor>
    </CardPage>
  );
}
