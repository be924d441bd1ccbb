import type { InvitationLanding } from '../../core/invitations/landing.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where an invitee of an institution lands (DOMAIN.md §1.2: "landing on the invited work"): the
 * section they were invited to teach, else an instructor's own sections; others go home, where
 * admins find their dashboard.
 */
export const outcomesInvitationLanding: InvitationLanding = ({ role, sectionId }) => {
  if (sectionId && UUID.test(sectionId)) return `/outcomes/sections/${sectionId}`;
  if (role === 'instructor') return '/outcomes/my';
  return null;
};
