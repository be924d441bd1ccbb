import type { InvitationLanding, InvitedWorkDescriber } from '../../core/invitations/landing.js';
import { programNames, sectionLabel } from './data/invited-work.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: string | null | undefined): value is string => !!value && UUID.test(value);

/**
 * Where an invitee of an institution lands (DOMAIN.md §1.2: "landing on the invited work"): the
 * section they were invited to teach, else an instructor's own sections; others go home, where
 * admins find their dashboard.
 */
export const outcomesInvitationLanding: InvitationLanding = ({ role, sectionId }) => {
  if (isId(sectionId)) return `/outcomes/sections/${sectionId}`;
  if (role === 'instructor') return '/outcomes/my';
  return null;
};

/** The programs of the invitation's scope and the section to teach, by name. */
export const describeOutcomesInvitation: InvitedWorkDescriber = async (q, { scope, sectionId }) => {
  const names = await programNames(q, (scope.programs ?? []).filter(isId));
  return {
    program: names.length ? names.join(', ') : null,
    section: isId(sectionId) ? ((await sectionLabel(q, sectionId)) ?? null) : null,
  };
};
