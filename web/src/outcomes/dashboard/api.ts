import { apiFetch } from '../../api/client';
import { queryString } from '../../api/queryString';
import type { OutcomesDashboard } from './types';

export const DASHBOARD_KEY = ['outcomes', 'dashboard'] as const;

/** The dashboard of one term (the current one when `termId` is null). */
export const getDashboard = (termId: string | null, signal?: AbortSignal) =>
  apiFetch<OutcomesDashboard>(`/api/outcomes/dashboard${queryString({ termId })}`, { signal });
