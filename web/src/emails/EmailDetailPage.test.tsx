import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../format/dates';
import { meAs, siteAdminMe } from '../test/adminFixtures';
import { emailDetailFixture } from '../test/emailFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';
import type { Me } from '../session/types';

const email = emailDetailFixture();
const path = `/admin/emails/${email.id}`;

function renderDetail(
  detail: MockReply | MockReply[],
  routes: Parameters<typeof mockApi>[0] = {},
  me: Me = meAs('tenant_admin'),
) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    [`GET /api/emails/${email.id}`]: detail,
    'GET /api/admin/tenants': reply(200, { items: [], modules: [] }),
    ...routes,
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

function fact(label: string) {
  const header = within(screen.getByRole('table', { name: 'Email details' })).getByRole(
    'rowheader',
    { name: label },
  );
  return header.nextElementSibling?.textContent;
}

describe('EmailDetailPage', () => {
  it('shows who it went to, how delivery went, and every attempt', async () => {
    renderDetail(reply(200, email));

    expect(await screen.findByRole('heading', { level: 2, name: email.subject })).toBeVisible();
    expect(fact('To')).toBe('grace@example.org');
    expect(fact('From')).toBe('Riverside Partners');
    expect(fact('Reply-to')).toBe('office@riverside.example.org');
    expect(fact('Template')).toBe('Invitation');
    expect(fact('Status')).toBe('Sent');
    expect(fact('Attempts')).toBe('1');
    expect(fact('Queued')).toBe(formatDateTime(email.createdAt));
    expect(fact('Sent')).toBe(formatDateTime(email.sentAt ?? ''));
    const attempts = within(screen.getByRole('table', { name: 'Delivery attempts' }));
    expect(attempts.getByText('250 2.0.0 OK queued as 7F3A')).toBeVisible();
    expect(attempts.getByText('Sent')).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Recent emails' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('link', { name: '← All emails' })).toHaveAttribute(
      'href',
      '/admin/emails',
    );
    expect(document.title).toBe(`${email.subject} · Emails · EduLedger`);
  });

  it('previews the HTML in a frame with every sandbox restriction, and the plain text', async () => {
    const { user } = renderDetail(reply(200, email));

    const frame = await screen.findByTitle(`HTML preview of ${email.subject}`);
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', email.html);
    expect(screen.getByText(/One-time links .* are hidden in previews/)).toBeVisible();

    await user.click(screen.getByRole('tab', { name: 'Plain text' }));
    expect(await screen.findByText(/Accept the invitation: \[link hidden\]/)).toBeVisible();
    expect(screen.queryByTitle(`HTML preview of ${email.subject}`)).not.toBeInTheDocument();
  });

  it('lists failed attempts with the error, links to its bulk send, and names the tenant for site admins', async () => {
    const failed = emailDetailFixture({
      status: 'failed',
      attempts: 2,
      lastError: '550 5.1.1 No such user',
      sentAt: null,
      bulkJobId: '7c1f0a2b-0000-4000-8000-000000000009',
      html: '<p>Reminder</p>',
      text: 'Reminder',
      tenantId: null,
      deliveryAttempts: [
        {
          attempt: 1,
          outcome: 'retry',
          response: '421 try later',
          occurredAt: '2025-03-05T14:15:02.000Z',
        },
        {
          attempt: 2,
          outcome: 'failed',
          response: '550 5.1.1 No such user',
          occurredAt: '2025-03-05T14:17:02.000Z',
        },
      ],
    });
    renderDetail(reply(200, failed), {}, siteAdminMe());

    await screen.findByRole('heading', { level: 2, name: email.subject });
    expect(fact('Last error')).toBe('550 5.1.1 No such user');
    expect(fact('Sent')).toBe('—');
    expect(fact('Tenant')).toBe('Account (no tenant)');
    const attempts = within(screen.getByRole('table', { name: 'Delivery attempts' }));
    expect(attempts.getByText('Will retry')).toBeVisible();
    expect(attempts.getByText('421 try later')).toBeVisible();
    expect(attempts.getByText('Failed')).toBeVisible();
    expect(screen.getByRole('link', { name: 'See the whole bulk send' })).toHaveAttribute(
      'href',
      '/admin/emails/bulk/7c1f0a2b-0000-4000-8000-000000000009',
    );
    expect(screen.queryByText(/are hidden in previews/)).not.toBeInTheDocument();
  });

  it('says when the worker has not tried yet', async () => {
    renderDetail(
      reply(
        200,
        emailDetailFixture({ status: 'queued', attempts: 0, sentAt: null, deliveryAttempts: [] }),
      ),
    );

    expect(await screen.findByText(/No delivery attempt yet/)).toBeVisible();
  });

  it('resends after confirming, and says so', async () => {
    const { api, user } = renderDetail(reply(200, email), {
      [`POST /api/emails/${email.id}/resend`]: { status: 204 },
    });
    await screen.findByRole('heading', { level: 2, name: email.subject });

    await user.click(screen.getByRole('button', { name: 'Resend' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Send this email again?' }));
    expect(dialog.getByText(/queued for grace@example.org/)).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Resend' }));

    expect(await screen.findByText('Email queued again for grace@example.org')).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo(`POST /api/emails/${email.id}/resend`)).toHaveLength(1);
  });

  it('shows a refused resend in the dialog, and changes nothing when going back', async () => {
    const { api, user } = renderDetail(reply(200, email), {
      [`POST /api/emails/${email.id}/resend`]: errorReply(
        503,
        'unavailable',
        'Email delivery is switched off',
      ),
    });
    await screen.findByRole('heading', { level: 2, name: email.subject });

    await user.click(screen.getByRole('button', { name: 'Resend' }));
    let dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Resend' }));
    expect(await dialog.findByText('Email delivery is switched off')).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Go back' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Resend' }));
    dialog = within(await screen.findByRole('dialog'));
    expect(dialog.queryByText('Email delivery is switched off')).not.toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Go back' }));
    expect(api.callsTo(`POST /api/emails/${email.id}/resend`)).toHaveLength(1);
  });

  it('explains an email that does not exist (or belongs to another tenant)', async () => {
    const { user } = renderDetail([
      errorReply(404, 'not_found', 'Email not found'),
      reply(200, email),
    ]);

    expect(await screen.findByText('The email could not be loaded')).toBeVisible();
    expect(screen.getByText('Email not found')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 2, name: email.subject })).toBeVisible();
  });
});
