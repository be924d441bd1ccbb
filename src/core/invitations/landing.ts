import type { Queryable } from '../db/client.js';
import type { MembershipScope, Role } from '../db/schema.js';

/** What an accepted invitation offered: the role, its scope and maybe a section to teach. */
export interface InvitedWork {
  role: Role;
  scope: MembershipScope;
  /** Opaque to the core: the module that owns sections knows what it names. */
  sectionId: string | null;
}

/** Where a module sends an invitee after accepting (e.g. the section to assess), or null. */
export type InvitationLanding = (work: InvitedWork) => string | null;

/** A module's landing, applied only to invitations into tenants that use the module. */
export interface ModuleInvitationLanding {
  module: string;
  landing: InvitationLanding;
}

/**
 * The same-site path an invitee lands on: the first one a module of the tenant names, else the
 * home page. Anything that is not a plain same-site path is ignored.
 */
export function landingOf(
  landings: readonly ModuleInvitationLanding[],
  tenantModules: readonly string[],
  work: InvitedWork,
): string {
  for (const { module, landing } of landings) {
    if (!tenantModules.includes(module)) continue;
    const path = landing(work);
    if (path && path.startsWith('/') && !path.startsWith('//')) return path;
  }
  return '/';
}

/** How the invited work reads in the email and on the acceptance page (DOMAIN.md §1.2). */
export interface InvitedWorkNames {
  /** E.g. "Nursing". */
  program: string | null;
  /** E.g. "NUR-101 001 (Fall 2025)". */
  section: string | null;
}

/** Names the invited work, read inside the inviting tenant's transaction. */
export type InvitedWorkDescriber = (q: Queryable, work: InvitedWork) => Promise<InvitedWorkNames>;

export interface ModuleInvitedWorkDescriber {
  module: string;
  describe: InvitedWorkDescriber;
}

/** The first name each of the tenant's modules gives the program and the section. */
export async function namesOf(
  describers: readonly ModuleInvitedWorkDescriber[],
  tenantModules: readonly string[],
  q: Queryable,
  work: InvitedWork,
): Promise<InvitedWorkNames> {
  const names: InvitedWorkNames = { program: null, section: null };
  for (const { module, describe } of describers) {
    if (!tenantModules.includes(module)) continue;
    const found = await describe(q, work);
    names.program ??= found.program;
    names.section ??= found.section;
  }
  return names;
}
