import type { BulkJob, BulkProgress, EmailDetail, EmailSummary } from '../emails/types';
import { riverside } from './fixtures';

export function emailFixture(overrides: Partial<EmailSummary> = {}): EmailSummary {
  return {
    id: '5b0d3c1e-0000-4000-8000-000000000001',
    tenantId: riverside.id,
    template: 'invitation',
    to: 'grace@example.org',
    subject: 'Ada Lovelace invited you to Riverside Partners',
    status: 'sent',
    attempts: 1,
    lastError: null,
    createdAt: '2025-03-05T14:15:00.000Z',
    sentAt: '2025-03-05T14:15:02.000Z',
    bulkJobId: null,
    ...overrides,
  };
}

export function emailDetailFixture(overrides: Partial<EmailDetail> = {}): EmailDetail {
  return {
    ...emailFixture(),
    fromName: 'Riverside Partners',
    replyTo: 'office@riverside.example.org',
    html: '<!doctype html><html><body><h1>You are invited</h1><a href="[link hidden]">Accept</a></body></html>',
    text: 'You are invited.\n\nAccept the invitation: [link hidden]',
    deliveryAttempts: [
      {
        attempt: 1,
        outcome: 'sent',
        response: '250 2.0.0 OK queued as 7F3A',
        occurredAt: '2025-03-05T14:15:02.000Z',
      },
    ],
    ...overrides,
  };
}

export function bulkJobFixture(overrides: Partial<BulkJob> = {}): BulkJob {
  return {
    id: '7c1f0a2b-0000-4000-8000-000000000009',
    tenantId: riverside.id,
    template: 'assessment-reminder',
    status: 'running',
    total: 5,
    sent: 2,
    failed: 1,
    createdAt: '2025-03-06T09:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

export function bulkProgressFixture(overrides: Partial<BulkProgress> = {}): BulkProgress {
  return {
    id: '7c1f0a2b-0000-4000-8000-000000000009',
    template: 'assessment-reminder',
    status: 'running',
    total: 5,
    createdAt: '2025-03-06T09:00:00.000Z',
    completedAt: null,
    counts: { queued: 2, sending: 0, sent: 2, failed: 1, blocked: 0 },
    failures: [{ to: 'bounce@example.org', status: 'failed', reason: '550 5.1.1 No such user' }],
    ...overrides,
  };
}

export const TEMPLATES = [
  { name: 'invitation', description: 'Invitation to join a tenant with a role' },
  { name: 'password-reset', description: 'Reset link (valid 1 hour, single use)' },
];
