import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
} from '@casl/ability';
import type { MembershipScope, Role } from '../db/schema.js';
import type { Action } from './permission.js';

/** Subjects of the platform core; modules add their own. `Platform`: site-wide administration. */
export type CoreSubject =
  | 'Platform'
  | 'Tenant'
  | 'User'
  | 'Membership'
  | 'Invitation'
  | 'AuditLog'
  | 'Email'
  | 'Report'
  | 'Import'
  | 'Billing'
  /** Health of the installation (the System page): tenant admins see their tenant's part. */
  | 'System';
/** An invitation as the matrix sees it (program admins may invite instructors only). */
export type InvitationSubject = ForcedSubject<'Invitation'> & { role: string };
/** A report as the matrix sees it: `aggregate` reports show no person-level rows. */
export type ReportSubject = ForcedSubject<'Report'> & { aggregate: boolean };
/** A subject by name, or a record tagged with its subject name (for conditions). */
export type Subject = 'all' | CoreSubject | InvitationSubject | ReportSubject | ModuleSubject;
/** Subjects that modules define (e.g. `Event`, `Student`), named by string. */
export type ModuleSubject = string & { readonly moduleSubject?: never };
export type AppAbility = MongoAbility<[Action, Subject]>;
export type AbilityRules = AbilityBuilder<AppAbility>;

/** Who is asking, as the permission matrix sees it. */
export interface Member {
  userId: string;
  isSiteAdmin: boolean;
  /** Role in the active tenant; null without one. */
  role: Role | null;
  scope: MembershipScope;
}

/** Rules a module contributes for its own subjects. */
export type ModulePermissions = (rules: AbilityRules, member: Member) => void;

/**
 * The one permission matrix (DOMAIN.md §1.1), used by the route guard, the data layer's scoped
 * queries and (packed) by the web UI. Tenant boundaries are enforced separately by RLS.
 */
/** Roles that may see highly sensitive fields (students, demographics): DOMAIN.md §1.1. */
const SEES_HIGHLY_SENSITIVE = new Set<Role | null>(['tenant_admin', 'staff']);

/** Highly sensitive fields per subject, declared by the modules. */
export type SensitiveFields = Record<string, readonly string[]>;

export function defineAbilityFor(
  member: Member | null,
  modulePermissions: readonly ModulePermissions[] = [],
  sensitiveFields: SensitiveFields = {},
): AppAbility {
  const rules = new AbilityBuilder<AppAbility>(createMongoAbility);
  const { can, cannot } = rules;
  if (!member) return rules.build();

  if (member.isSiteAdmin) {
    can('manage', 'all');
    return rules.build();
  }
  if (member.role) can('read', 'Tenant');
  switch (member.role) {
    case 'tenant_admin':
      can('manage', 'all');
      cannot('manage', 'Platform');
      break;
    case 'program_admin':
      can('read', 'User');
      can(['create', 'read', 'update', 'delete'], 'Invitation', { role: 'instructor' });
      break;
    case 'staff':
      can(['read', 'export'], 'Report');
      // Staff run imports (and stop their runs); the schedule is the tenant admin's.
      can(['read', 'create'], 'Import');
      break;
    case 'district_viewer':
      can(['read', 'export'], 'Report', { aggregate: true });
      break;
    case 'instructor':
    case null:
      break;
  }
  for (const contribute of modulePermissions) contribute(rules, member);
  if (!SEES_HIGHLY_SENSITIVE.has(member.role)) {
    for (const [subjectName, fields] of Object.entries(sensitiveFields)) {
      cannot('read', subjectName as ModuleSubject, [...fields]);
    }
  }
  return rules.build();
}

/** A copy of `record` without the fields the ability may not read (responses and exports). */
export function redactFields<T extends Record<string, unknown>>(
  ability: AppAbility,
  subjectName: string,
  record: T,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([field]) =>
      ability.can('read', subjectName as ModuleSubject, field),
    ),
  ) as Partial<T>;
}
