import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meFixture, northCollege } from '../test/fixtures';
import { mockApi, reply } from '../test/http';
import { renderWithProviders } from '../test/render';
import { ProgramSwitcher } from './ProgramSwitcher';

const institution = meFixture({ tenants: [northCollege], activeTenantId: northCollege.id });
const programs = [
  { id: 'p-1', name: 'Nursing' },
  { id: 'p-2', name: 'Welding' },
];

describe('ProgramSwitcher', () => {
  it('narrows the session to a program, and back to all programs', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      'GET /api/outcomes/active-program': [
        reply(200, { activeProgramId: null, programs }),
        reply(200, { activeProgramId: 'p-2', programs }),
      ],
      'PUT /api/outcomes/active-program': (call) => reply(200, call.body),
    });
    renderWithProviders(<ProgramSwitcher me={institution} />);

    const select = await screen.findByRole('combobox', { name: 'Program' });
    expect(select).toHaveValue('All programs');
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Welding' }));
    await waitFor(() => {
      expect(api.calls).toContainEqual({
        method: 'PUT',
        path: '/api/outcomes/active-program',
        body: { programId: 'p-2' },
      });
    });
    // The choices are read again after the switch, and show the chosen program.
    await waitFor(() => {
      expect(screen.getByRole('combobox', { name: 'Program' })).toHaveValue('Welding');
    });

    await user.click(screen.getByRole('combobox', { name: 'Program' }));
    await user.click(await screen.findByRole('option', { name: 'All programs' }));
    await waitFor(() => {
      expect(api.calls).toContainEqual({
        method: 'PUT',
        path: '/api/outcomes/active-program',
        body: { programId: null },
      });
    });
  });

  it('is not shown when there is only one program to choose', async () => {
    const api = mockApi({
      'GET /api/outcomes/active-program': reply(200, {
        activeProgramId: null,
        programs: [programs[0]],
      }),
    });
    renderWithProviders(<ProgramSwitcher me={institution} />);
    await waitFor(() => {
      expect(api.calls).toHaveLength(1);
    });
    expect(screen.queryByRole('combobox', { name: 'Program' })).not.toBeInTheDocument();
  });

  it('asks nothing in a tenant without the outcomes module', () => {
    const api = mockApi({});
    renderWithProviders(<ProgramSwitcher me={meFixture()} />);
    expect(screen.queryByRole('combobox', { name: 'Program' })).not.toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });
});
