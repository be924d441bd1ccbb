import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { TEMPLATES } from '../test/emailFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';

const invitation = {
  subject: 'Ada Lovelace invited you to Riverside Partners',
  html: '<!doctype html><p>Join Riverside Partners</p>',
  text: 'Ada Lovelace invited you to join Riverside Partners as Staff.',
};
const reset = {
  subject: 'Reset your EduLedger password',
  html: '<!doctype html><p>Reset</p>',
  text: 'Choose a new password: https://eduledger.example.org/reset',
};

function renderGallery(
  templates: MockReply | MockReply[],
  resetPreview: MockReply | MockReply[] = reply(200, reset),
) {
  const api = mockApi({
    'GET /api/me': reply(200, meAs('tenant_admin')),
    'GET /api/emails/templates': templates,
    'GET /api/emails/templates/invitation': reply(200, invitation),
    'GET /api/emails/templates/password-reset': resetPreview,
  });
  return { api, ...renderApp('/admin/emails/templates'), user: userEvent.setup() };
}

describe('TemplateGalleryPage', () => {
  it('renders every template with sample data, its name and what it is for', async () => {
    const { user } = renderGallery(reply(200, { items: TEMPLATES }));

    const card = within(await screen.findByRole('article', { name: 'Invitation' }));
    expect(card.getByText('invitation')).toBeVisible();
    expect(card.getByText('Invitation to join a tenant with a role')).toBeVisible();
    expect(await card.findByText(invitation.subject)).toBeVisible();
    const frame = card.getByTitle('HTML preview of Invitation');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', invitation.html);

    const second = within(screen.getByRole('article', { name: 'Password reset' }));
    expect(await second.findByTitle('HTML preview of Password reset')).toHaveAttribute(
      'srcdoc',
      reset.html,
    );
    await user.click(second.getByRole('tab', { name: 'Plain text' }));
    expect(second.getByText(/Choose a new password/)).toBeVisible();
    expect(card.getByTitle('HTML preview of Invitation')).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Templates' })).toHaveAttribute('aria-selected', 'true');
    expect(document.title).toBe('Email templates · Emails · EduLedger');
  });

  it('shows a template that fails to render in its own card, with a retry', async () => {
    const { user } = renderGallery(reply(200, { items: TEMPLATES }), [
      errorReply(500, 'internal', 'MJML failed'),
      reply(200, reset),
    ]);

    const card = within(await screen.findByRole('article', { name: 'Password reset' }));
    expect(await card.findByText('Password reset could not be rendered')).toBeVisible();
    expect(await screen.findByText(invitation.subject)).toBeVisible();
    await user.click(card.getByRole('button', { name: 'Retry' }));
    expect(await card.findByText(reset.subject)).toBeVisible();
  });

  it('explains when the list of templates cannot be loaded', async () => {
    const { user } = renderGallery([
      errorReply(500, 'internal', 'Boom'),
      reply(200, { items: TEMPLATES }),
    ]);

    expect(await screen.findByText('The templates could not be loaded')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('article', { name: 'Invitation' })).toBeVisible();
  });
});
