import { apiFetch } from '../api/client';
import type { SystemStatus, TestAlertResult } from './types';

export const SYSTEM_KEY = ['system', 'status'] as const;

export function getSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return apiFetch<SystemStatus>('/api/system/status', { signal });
}

export function sendTestAlert(): Promise<TestAlertResult> {
  return apiFetch<TestAlertResult>('/api/system/test-alert', { method: 'POST' });
}
