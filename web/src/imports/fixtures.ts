import type { ImportsOverview, RunDetail, RunStep, RunSummary } from './types';

export function overviewFixture(overrides: Partial<ImportsOverview> = {}): ImportsOverview {
  return {
    pipelines: [
      {
        name: 'engagement',
        label: 'Engagement',
        steps: [
          { name: 'organizations', dependsOn: [], reads: ['Account'] },
          { name: 'volunteers', dependsOn: ['organizations'], reads: ['Contact'] },
        ],
      },
    ],
    salesforce: { configured: false },
    lastScheduledFailure: null,
    ...overrides,
  };
}

const zero = { read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };

export function stepFixture(overrides: Partial<RunStep> = {}): RunStep {
  return {
    name: 'organizations',
    status: 'succeeded',
    ...zero,
    total: null,
    rate: null,
    startedAt: '2025-03-05T14:00:00.000Z',
    finishedAt: '2025-03-05T14:00:02.000Z',
    durationMs: 2000,
    message: null,
    ...overrides,
  };
}

export function runFixture(overrides: Partial<RunDetail> = {}): RunDetail {
  return {
    id: 'run-1',
    pipeline: 'engagement',
    source: 'Upload export.zip',
    mode: 'commit',
    status: 'succeeded',
    message: null,
    plan: ['organizations', 'volunteers'],
    warnings: [],
    triggeredBy: 'user',
    createdAt: '2025-03-05T14:00:00.000Z',
    startedAt: '2025-03-05T14:00:00.000Z',
    finishedAt: '2025-03-05T14:00:05.000Z',
    durationMs: 5000,
    cancelRequested: false,
    errorCount: 0,
    rejectedFiles: [],
    canRerun: false,
    steps: [
      stepFixture({ read: 12, created: 12 }),
      stepFixture({ name: 'volunteers', read: 40, created: 38, unchanged: 2 }),
    ],
    ...overrides,
  };
}

export function runSummaryFixture(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 'run-1',
    pipeline: 'engagement',
    source: 'Upload export.zip',
    mode: 'commit',
    status: 'succeeded',
    triggeredBy: 'user',
    createdAt: '2025-03-05T14:00:00.000Z',
    startedAt: '2025-03-05T14:00:00.000Z',
    finishedAt: '2025-03-05T14:01:05.000Z',
    durationMs: 65000,
    read: 52,
    created: 50,
    updated: 0,
    unchanged: 2,
    skipped: 0,
    failed: 0,
    ...overrides,
  };
}
