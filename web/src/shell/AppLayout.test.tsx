import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { NavItem } from '../nav';
import type { Session } from '../session';
import { AppLayout } from './AppLayout';

const navItems: NavItem[] = [
  { label: 'Volunteers', path: '/volunteers', module: 'engagement', roles: ['staff'] },
  { label: 'Events', path: '/events', module: 'engagement', roles: ['staff'] },
  { label: 'Courses', path: '/courses', module: 'outcomes', roles: ['program_admin'] },
];

function staffSession(overrides: Partial<Session> = {}): Session {
  return {
    access: { roles: ['staff'], modules: ['engagement', 'outcomes'] },
    tenants: [{ slug: 'riverside', name: 'Riverside Partners' }],
    activeTenantSlug: 'riverside',
    switchTenant: vi.fn(),
    ...overrides,
  };
}

function renderLayout(session: Session | null, items?: readonly NavItem[]) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <AppLayout session={session} navItems={items} />,
        children: [
          { index: true, element: <p>Home content</p> },
          { path: 'volunteers', element: <p>Volunteer list</p> },
          { path: 'events', element: <p>Event list</p> },
        ],
      },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <MantineProvider env="test">
      <RouterProvider router={router} />
    </MantineProvider>,
  );
  return router;
}

describe('AppLayout', () => {
  it('shows the product name in the header and the page in the main landmark', () => {
    renderLayout(null);

    expect(within(screen.getByRole('banner')).getByText('EduLedger')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByText('Home content')).toBeInTheDocument();
  });

  it('shows no navigation, burger or tenant when nobody is signed in', () => {
    renderLayout(null, navItems);

    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Toggle navigation' })).not.toBeInTheDocument();
    expect(screen.queryByText('Riverside Partners')).not.toBeInTheDocument();
  });

  it('shows no navigation while the registry has no pages', () => {
    renderLayout(staffSession());

    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('shows the active tenant of the session in the header', () => {
    renderLayout(staffSession());

    expect(within(screen.getByRole('banner')).getByText('Riverside Partners')).toBeInTheDocument();
  });

  it('lists the reachable pages by group and hides groups without reachable pages', () => {
    renderLayout(staffSession(), navItems);

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
    const router = renderLayout(staffSession(), navItems);

    await user.click(screen.getByRole('link', { name: 'Events' }));

    expect(router.state.location.pathname).toBe('/events');
    expect(within(screen.getByRole('main')).getByText('Event list')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Volunteers' })).not.toHaveAttribute('aria-current');
  });

  it('toggles the navbar on small screens with a labelled burger', async () => {
    const user = userEvent.setup();
    renderLayout(staffSession(), navItems);
    const burger = screen.getByRole('button', { name: 'Toggle navigation' });

    expect(burger).toHaveAttribute('aria-expanded', 'false');
    expect(burger).toHaveAttribute('aria-controls', 'app-navbar');
    await user.click(burger);
    expect(burger).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('link', { name: 'Volunteers' }));
    expect(burger).toHaveAttribute('aria-expanded', 'false');
  });
});
