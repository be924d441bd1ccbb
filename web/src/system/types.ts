import type { RunStatus } from '../imports/types';
import type { EmailStatus } from '../emails/types';

export interface JobStatus {
  name: string;
  depth: number;
  failures: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  waitingSince: string | null;
  stalled: boolean;
}

/** GET /api/system/status: the platform for site admins, the active tenant for tenant admins. */
export interface SystemStatus {
  scope: 'platform' | 'tenant';
  database: {
    status: 'ok' | 'unreachable';
    pool: { total: number; idle: number; waiting: number; max: number } | null;
  };
  jobs: JobStatus[] | null;
  emails: Record<EmailStatus, number>;
  imports: {
    id: string;
    tenantName: string;
    pipeline: string;
    status: RunStatus;
    createdAt: string;
    finishedAt: string | null;
  }[];
  cache: { entries: number; hits?: number; misses?: number; hitRatio?: number | null };
  alerts: { enabled: boolean; webhookConfigured: boolean } | null;
}

export interface TestAlertResult {
  outcome: 'sent' | 'disabled' | 'failed' | 'suppressed';
  message: string;
}
