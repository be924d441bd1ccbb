import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { healthy, unauthenticated } from '../../test/fixtures';
import { errorReply, mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { detailFixture, outcomesMe, SLOW } from '../test/fixtures';

describe('a section link from an email', () => {
  it('opened signed out, comes back to the section after signing in', async () => {
    let signedIn = false;
    const api = mockApi({
      'GET /api/me': () => (signedIn ? reply(200, outcomesMe('instructor')) : unauthenticated),
      'GET /api/health': reply(200, healthy),
      'POST /api/auth/sign-in/email': () => {
        signedIn = true;
        return reply(200, { redirect: false });
      },
      'GET /api/outcomes/sections/s-1': reply(200, detailFixture()),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/outcomes/sections/s-1');

    expect(
      await screen.findByRole('heading', { name: 'Sign in to EduLedger' }, SLOW),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/outcomes/sections/s-1',
    );
    expect(api.callsTo('GET /api/outcomes/sections/s-1')).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'a.stau@college.example.edu');
    await user.type(screen.getByLabelText(/Password/), 'correct horse{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/outcomes/sections/s-1'));
    expect(await screen.findByRole('heading', { name: 'ACC-201-001' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeVisible();
  });

  it('opened in another account’s session, shows nothing of the section and says who is signed in', async () => {
    mockApi({
      'GET /api/me': reply(200, outcomesMe('instructor')),
      'GET /api/outcomes/sections/s-9': errorReply(404, 'not_found', 'Section was not found'),
    });
    renderApp('/outcomes/sections/s-9');
    expect(await screen.findByText('Section was not found', {}, SLOW)).toBeVisible();
    expect(screen.getByText('ada@example.org')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
  });
});
