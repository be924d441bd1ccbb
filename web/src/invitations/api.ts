import { apiFetch } from '../api/client';
import { queryString } from '../api/queryString';
import type {
  Acceptance,
  Invitation,
  InvitationOffer,
  InvitationStatus,
  NewInvitation,
} from './types';

export const INVITATIONS_KEY = ['invitations'] as const;

export async function listInvitations(
  status: InvitationStatus | null,
  signal?: AbortSignal,
): Promise<Invitation[]> {
  const { items } = await apiFetch<{ items: Invitation[] }>(
    `/api/invitations${queryString({ status })}`,
    { signal },
  );
  return items;
}

export function createInvitation(invitation: NewInvitation): Promise<Invitation> {
  return apiFetch<Invitation>('/api/invitations', { method: 'POST', json: invitation });
}

export function resendInvitation(id: string): Promise<Invitation> {
  return apiFetch<Invitation>(`/api/invitations/${encodeURIComponent(id)}/resend`, {
    method: 'POST',
  });
}

export function cancelInvitation(id: string): Promise<Invitation> {
  return apiFetch<Invitation>(`/api/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function getInvitationOffer(token: string, signal?: AbortSignal): Promise<InvitationOffer> {
  return apiFetch<InvitationOffer>(`/api/invitations/by-token/${encodeURIComponent(token)}`, {
    signal,
  });
}

/** Accepts: sets name and password and signs in; answers where to go next. */
export function acceptInvitation({
  token,
  name,
  password,
}: Acceptance): Promise<{ redirectTo: string }> {
  return apiFetch<{ redirectTo: string }>(
    `/api/invitations/by-token/${encodeURIComponent(token)}/accept`,
    { method: 'POST', json: { name, password } },
  );
}
