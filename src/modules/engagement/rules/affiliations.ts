import { AFFILIATION_STATUSES, type AffiliationStatus } from '../enums.js';

const STATUSES: Record<string, AffiliationStatus> = {
  current: 'Current',
  past: 'Past',
  former: 'Past',
  pending: 'Pending',
};

export const AFFILIATION_STATUS_LABELS = [...AFFILIATION_STATUSES, 'Former'] as const;

/** Current, Past (Salesforce `Former`), Pending — case-insensitive; undefined when unknown. */
export const affiliationStatus = (raw: string): AffiliationStatus | undefined =>
  STATUSES[raw.trim().toLowerCase()];
