import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meFixture, unauthenticated } from '../test/fixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';

type Routes = Parameters<typeof mockApi>[0];

function renderRegister(routes: Routes = {}, selfRegistration = true) {
  const api = mockApi({
    'GET /api/me': unauthenticated,
    'GET /api/public-config': reply(200, { selfRegistration }),
    ...routes,
  });
  return { api, ...renderApp('/register'), user: userEvent.setup() };
}

/** Pastes into a field (typing long values key by key is slow and adds nothing here). */
async function paste(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  const form = within(await screen.findByRole('form', { name: 'Create an account' }));
  await paste(user, form.getByRole('textbox', { name: /Institution name/ }), 'Prairie CC');
  await paste(user, form.getByRole('textbox', { name: /Your name/ }), 'Robin Dean');
  await paste(user, form.getByRole('textbox', { name: /Email/ }), ' robin@prairie.example.edu ');
  await paste(user, form.getByLabelText(/^Password/), 'amber tundra compass');
  return form;
}

describe('RegisterPage', () => {
  it('creates the institution and asks to confirm the email', async () => {
    const { api, user } = renderRegister({
      'POST /api/register': reply(201, {
        tenantSlug: 'prairie-cc',
        email: 'robin@prairie.example.edu',
      }),
    });

    const form = await fillIn(user);
    expect(form.getByRole('textbox', { name: /Short name/ })).toHaveValue('prairie-cc');
    expect(form.getByRole('meter', { name: 'Password strength' })).toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { name: 'Confirm your email' })).toBeVisible();
    expect(screen.getByText(/We sent a confirmation link to/)).toHaveTextContent(
      'robin@prairie.example.edu',
    );
    expect(document.title).toBe('Confirm your email · EduLedger');
    expect(api.callsTo('POST /api/register')[0]?.body).toEqual({
      institutionName: 'Prairie CC',
      slug: 'prairie-cc',
      name: 'Robin Dean',
      email: 'robin@prairie.example.edu',
      password: 'amber tundra compass',
    });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('sends the confirmation link again on request', async () => {
    const { api, user } = renderRegister({
      'POST /api/register': reply(201, { tenantSlug: 'prairie-cc', email: 'robin@example.edu' }),
      'POST /api/auth/send-verification-email': [
        errorReply(429, 'too_many_requests', 'Too many requests'),
        reply(200, { status: true }),
      ],
    });
    const form = await fillIn(user);
    await user.click(form.getByRole('button', { name: 'Create account' }));

    await user.click(await screen.findByRole('button', { name: 'Send a new link' }));
    expect(await screen.findByText('Too many requests')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));

    expect(await screen.findByText(/We sent a new link to robin@example.edu/)).toBeVisible();
    expect(api.callsTo('POST /api/auth/send-verification-email')[1]?.body).toEqual({
      email: 'robin@example.edu',
      callbackURL: '/sign-in?verified=1',
    });
  });

  it('checks every field before calling the server', async () => {
    const { api, user } = renderRegister();

    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    const form = within(screen.getByRole('form', { name: 'Create an account' }));
    expect(form.getByText('Enter the institution name.')).toBeVisible();
    expect(form.getByText('Use 2 to 40 lower-case letters, digits or hyphens.')).toBeVisible();
    expect(form.getByText('Enter your name.')).toBeVisible();
    expect(form.getByText(/Enter an email address, like/)).toBeVisible();
    expect(form.getByText('Use at least 10 characters.')).toBeVisible();
    expect(api.callsTo('POST /api/register')).toEqual([]);
  });

  it('keeps a short name typed by hand', async () => {
    const { user } = renderRegister();
    const form = within(await screen.findByRole('form', { name: 'Create an account' }));

    await user.type(form.getByRole('textbox', { name: /Short name/ }), 'pcc');
    await paste(user, form.getByRole('textbox', { name: /Institution name/ }), 'Prairie CC');

    expect(form.getByRole('textbox', { name: /Short name/ })).toHaveValue('pcc');
  });

  it('shows server refusals next to their fields, and others above the form', async () => {
    const { user } = renderRegister({
      'POST /api/register': [
        errorReply(409, 'conflict', 'The address "prairie-cc" is taken', [
          { path: 'slug', message: 'is taken' },
        ]),
        errorReply(400, 'validation_failed', 'The password does not meet the policy', [
          { path: 'password', message: 'This password is too common' },
        ]),
        errorReply(500, 'internal_error', 'Database down'),
      ],
    });
    const form = await fillIn(user);
    const submit = form.getByRole('button', { name: 'Create account' });

    await user.click(submit);
    expect(await form.findByText('Short name is taken')).toBeVisible();
    await user.click(submit);
    expect(await form.findByText('This password is too common')).toBeVisible();
    await user.click(submit);
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('The account could not be created');
    expect(alert).toHaveTextContent('Database down');
    await user.type(form.getByRole('textbox', { name: /Your name/ }), ' Jr');
    expect(form.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains that accounts come by invitation when registration is off', async () => {
    const { api } = renderRegister({}, false);

    expect(await screen.findByText(/created by invitation/)).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Create an account' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(api.callsTo('POST /api/register')).toEqual([]);
  });

  it('shows a loading state, then a failure with a retry', async () => {
    mockApi({
      'GET /api/me': unauthenticated,
      'GET /api/public-config': [never],
    });
    renderApp('/register');
    expect(await screen.findByRole('status')).toBeInTheDocument();
  });

  it('offers a retry when the configuration cannot be loaded', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/me': unauthenticated,
      'GET /api/public-config': [
        errorReply(503, 'unavailable', 'Try later'),
        reply(200, { selfRegistration: true }),
      ],
    });
    renderApp('/register');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Try later');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('form', { name: 'Create an account' })).toBeVisible();
  });

  it('sends a signed-in visitor home', async () => {
    mockApi({
      'GET /api/me': reply(200, meFixture()),
      'GET /api/public-config': reply(200, { selfRegistration: true }),
    });
    const { router } = renderApp('/register');

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
