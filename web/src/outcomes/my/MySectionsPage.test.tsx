import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { detailFixture, mySection, outcomesMe, SLOW } from '../test/fixtures';
import type { MySection } from '../types';
import { isOverdue } from './MySectionsPage';

const submitted: MySection = {
  ...mySection,
  id: 's-2',
  number: '002',
  status: 'submitted',
  complete: 2,
  total: 2,
};
const later: MySection = {
  ...mySection,
  id: 's-3',
  number: '003',
  dueDate: '2099-05-01',
  status: 'not_started',
  complete: 0,
  total: 3,
};

function renderMine(items: MySection[], role: 'instructor' | 'tenant_admin' = 'instructor') {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/my/sections': reply(200, { items }),
    'GET /api/outcomes/sections/s-1': reply(200, detailFixture()),
  });
  return { api, ...renderApp('/outcomes/my'), user: userEvent.setup() };
}

const rowOf = (name: string) =>
  within(
    within(screen.getByRole('table', { name: 'My sections' }))
      .getByRole('link', { name })
      .closest('tr') as HTMLElement,
  );

describe('MySectionsPage', () => {
  it('lists each section with its term, due date, status and progress; overdue ones stand out', async () => {
    renderMine([mySection, submitted, later]);
    expect(await screen.findByRole('link', { name: 'ACC-201-001' }, SLOW)).toBeVisible();
    expect(screen.getByRole('link', { name: 'My sections' })).toHaveAttribute(
      'href',
      '/outcomes/my',
    );

    const first = rowOf('ACC-201-001');
    expect(first.getByText('Fall 2024')).toBeVisible();
    expect(first.getByText('Dec 6, 2024')).toBeVisible();
    expect(first.getByText('Overdue')).toBeVisible();
    expect(first.getByText('In progress')).toBeVisible();
    expect(
      first.getByRole('progressbar', { name: 'ACC-201-001: 1 of 2 CLOs complete' }),
    ).toHaveAttribute('aria-valuenow', '1');

    // Submitted sections are never overdue; sections due later are not yet.
    expect(rowOf('ACC-201-002').queryByText('Overdue')).toBeNull();
    expect(rowOf('ACC-201-002').getByText('Submitted')).toBeVisible();
    expect(rowOf('ACC-201-003').queryByText('Overdue')).toBeNull();
    expect(
      rowOf('ACC-201-003').getByRole('progressbar', { name: 'ACC-201-003: 0 of 3 CLOs complete' }),
    ).toBeVisible();
  });

  it('opens the section page from a row', async () => {
    const { user, router } = renderMine([mySection]);
    await user.click(await screen.findByText('Principles of Accounting', {}, SLOW));
    await waitFor(() => expect(router.state.location.pathname).toBe('/outcomes/sections/s-1'));
    expect(await screen.findByRole('heading', { name: 'ACC-201-001' })).toBeVisible();
  });

  it('says so when no section is assigned yet', async () => {
    renderMine([]);
    expect(await screen.findByText('No sections assigned to you', {}, SLOW)).toBeVisible();
    expect(screen.queryByRole('table', { name: 'My sections' })).toBeNull();
  });

  it('is the instructors’ page: admins neither see the entry nor open it', async () => {
    const { api } = renderMine([mySection], 'tenant_admin');
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }, SLOW),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: 'My sections' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Review' })).toBeVisible();
    expect(api.callsTo('GET /api/outcomes/my/sections')).toEqual([]);
  });
});

describe('isOverdue', () => {
  it('is true only for an open section whose due date has passed', () => {
    expect(isOverdue({ dueDate: '2025-03-04', status: 'in_progress' }, '2025-03-05')).toBe(true);
    expect(isOverdue({ dueDate: '2025-03-05', status: 'in_progress' }, '2025-03-05')).toBe(false);
    expect(isOverdue({ dueDate: '2025-03-04', status: 'submitted' }, '2025-03-05')).toBe(false);
    expect(isOverdue({ dueDate: '2025-03-04', status: 'needs_rework' }, '2025-03-05')).toBe(true);
    expect(isOverdue({ dueDate: null, status: 'not_started' }, '2025-03-05')).toBe(false);
  });
});
