import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { NavItem } from '../nav';
import { useSession } from '../session/SessionContext';
import type { Me } from '../session/types';
import { meFixture, riverside } from '../test/fixtures';
import { createTestQueryClient } from '../test/render';
import { AppLayout } from './AppLayout';

const navItems: NavItem[] = [
  { label: 'Volunteers', path: '/volunteers', module: 'engagement', roles: ['staff'] },
  { label: 'Events', path: '/events', module: 'engagement', roles: ['staff'] },
  { label: 'Courses', path: '/courses', module: 'outcomes', roles: ['program_admin'] },
];

function staffMe(): Me {
  return meFixture({
    tenants: [{ ...riverside, role: 'staff', modules: ['engagement', 'outcomes'] }],
  });
}

function SessionName() {
  return <p>Signed in as {useSession().user.email}</p>;
}

function renderLayout(
  me: Me | null,
  items?: readonly NavItem[],
  queryClient: QueryClient = createTestQueryClient(),
) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <AppLayout me={me} navItems={items} />,
        children: [
          { index: true, element: <p>Home content</p> },
          { path: 'volunteers', element: <p>Volunteer list</p> },
          { path: 'events', element: <p>Event list</p> },
          { path: 'who', element: <SessionName /> },
        ],
      },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return router;
}

describe('AppLayout', () => {
  it('shows the product name as a link home in the header and the page in the main landmark', () => {
    renderLayout(null);

    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'EduLedger' })).toHaveAttribute('href', '/');
    expect(within(screen.getByRole('main')).getByText('Home content')).toBeInTheDocument();
  });

  it('shows no navigation, burger, tenant or user menu when nobody is signed in', () => {
    renderLayout(null, navItems);

    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Toggle navigation' })).not.toBeInTheDocument();
    expect(screen.queryByText('Riverside Partners')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Account menu/ })).not.toBeInTheDocument();
  });

  it('shows no navigation while the registry has no pages', () => {
    renderLayout(staffMe(), []);

    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('shows the active tenant and a user menu named after the user in the header', () => {
    renderLayout(staffMe());

    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Riverside Partners')).toBeInTheDocument();
    expect(
      within(banner).getByRole('button', { name: 'Account menu for Ada Lovelace' }),
    ).toHaveTextContent('Ada Lovelace');
  });

  it('gives the pages the signed-in user', async () => {
    const router = renderLayout(staffMe());

    await router.navigate('/who');

    expect(await screen.findByText('Signed in as ada@example.org')).toBeInTheDocument();
  });

  it('lists the reachable pages by group and hides groups without reachable pages', () => {
    renderLayout(staffMe(), navItems);

    const navigation = screen.getByRole('navigation', { name: 'Main' });
    const engagement = within(navigation).getByRole('region', { name: 'Engagement' });
    expect(within(engagement).getByRole('link', { name: 'Volunteers' })).toHaveAttribute(
      'href',
      '/volunteers',
    );
    expect(within(engagement).getByRole('link', { name: 'Events' })).toHaveAttribute(
      'href',
      '/events',
    );
    expect(within(navigation).queryByText('Outcomes')).not.toBeInTheDocument();
    expect(within(navigation).queryByRole('link', { name: 'Courses' })).not.toBeInTheDocument();
  });

  it('follows a navbar link and marks it as the current page', async () => {
    const user = userEvent.setup();
    const router = renderLayout(staffMe(), navItems);

    await user.click(screen.getByRole('link', { name: 'Events' }));

    expect(router.state.location.pathname).toBe('/events');
    expect(within(screen.getByRole('main')).getByText('Event list')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Volunteers' })).not.toHaveAttribute('aria-current');
  });

  it('toggles the navbar on small screens with a labelled burger', async () => {
    const user = userEvent.setup();
    renderLayout(staffMe(), navItems);
    const burger = screen.getByRole('button', { name: 'Toggle navigation' });

    expect(burger).toHaveAttribute('aria-expanded', 'false');
    expect(burger).toHaveAttribute('aria-controls', 'app-navbar');
    await user.click(burger);
    expect(burger).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('link', { name: 'Volunteers' }));
    expect(burger).toHaveAttribute('aria-expanded', 'false');
  });
});
