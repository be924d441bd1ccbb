import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import type { NavGroup, NavItem } from '../nav';

interface NavbarLinkProps {
  item: NavItem;
  onNavigate: () => void;
}

function NavbarLink({ item, onNavigate }: NavbarLinkProps) {
  const isCurrent = useMatch({ path: item.path, end: false }) !== null;
  return (
    <NavLink
      component={Link}
      to={item.path}
      label={item.label}
      active={isCurrent}
      aria-current={isCurrent ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}

interface AppNavbarProps {
  groups: readonly NavGroup[];
  /** Called after a link is followed, e.g. to close the navbar on small screens. */
  onNavigate: () => void;
}

export function AppNavbar({ groups, onNavigate }: AppNavbarProps) {
  return (
    <Stack gap="lg">
      {groups.map((group) => {
        const headingId = `nav-group-${group.module}`;
        return (
          <section key={group.module} aria-labelledby={headingId}>
            <Text id={headingId} component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              {group.label}
            </Text>
            {group.items.map((item) => (
              <NavbarLink key={item.path} item={item} onNavigate={onNavigate} />
            ))}
          </section>
        );
      })}
    </Stack>
  );
}
