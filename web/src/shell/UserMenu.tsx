import { Button, Combobox, Menu } from '@mantine/core';
import { Link } from 'react-router';
import { PROFILE_PATH } from '../profile/path';

interface UserMenuProps {
  /** Name (or email) of the signed-in user. */
  label: string;
  onSignOut: () => void;
  signingOut: boolean;
}

export function UserMenu({ label, onSignOut, signingOut }: UserMenuProps) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          rightSection={<Combobox.Chevron size="sm" />}
          loading={signingOut}
          aria-label={`Account menu for ${label}`}
          maw={220}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={PROFILE_PATH}>
          Profile
        </Menu.Item>
        <Menu.Item onClick={onSignOut}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
