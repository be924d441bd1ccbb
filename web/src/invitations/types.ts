import type { MembershipRole, MembershipScope } from '../session/types';

export type InvitationStatus = 'pending' | 'accepted' | 'cancelled';

/** An invitation as `GET /api/invitations` lists it. */
export interface Invitation {
  id: string;
  email: string;
  role: MembershipRole;
  scope: MembershipScope;
  message: string | null;
  sectionId: string | null;
  status: InvitationStatus;
  invitedByName: string;
  expiresAt: string;
  createdAt: string;
}

export interface NewInvitation {
  email: string;
  role: MembershipRole;
  scope: MembershipScope;
  message?: string;
  /** The section the invited instructor is to teach. */
  sectionId?: string;
}

/** What an invitation link offers, for the person invited (`GET /api/invitations/by-token/:token`). */
export interface InvitationOffer {
  email: string;
  tenantName: string;
  role: MembershipRole;
  inviterName: string;
  message: string | null;
  expiresAt: string;
  /** The program(s) of the invitation, as the tenant's modules name them. */
  program?: string | null;
  /** The section the invitee is to teach, e.g. "NUR-101 001 (Fall 2025)". */
  section?: string | null;
}

export interface Acceptance {
  token: string;
  name: string;
  password: string;
}
