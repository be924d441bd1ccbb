import type { ModulePermissions, SensitiveFields } from '../access/ability.js';
import type { BillingUsageSource } from '../billing/usage-source.js';
import type { Db } from '../db/client.js';
import type { EmailSender } from '../email/sender.js';
import type { HttpApp } from '../http/types.js';
import type { ImportPipeline } from '../imports/types.js';
import type { InvitationLanding, InvitedWorkDescriber } from '../invitations/landing.js';
import type { ReportDefinition } from '../reports/types.js';
import type { TenantMetrics } from '../tenants/overview.js';
import type { ModuleJob } from './jobs.js';

/** What the platform hands a module's routes. */
export interface ModuleRouteDeps {
  db: Db;
  emailSender: EmailSender;
  /** Public address, for links in emails. */
  baseUrl: string;
  /** Largest accepted upload, in bytes (IMPORT_UPLOAD_MAX_MB); modules may cap lower. */
  uploadMaxBytes?: number;
}

/** What a domain module plugs into the platform. The core never imports a module; it receives these. */
export interface ModuleDefinition {
  /** Stable identifier, stored in `tenants.modules`. */
  name: string;
  /** Human name for menus and messages. */
  label: string;
  /** Registers the module's HTTP routes; each route declares its permission. */
  routes?: (app: HttpApp, deps: ModuleRouteDeps) => void | Promise<void>;
  /** The module's rows of the permission matrix, for its own subjects. */
  permissions?: ModulePermissions;
  /** Highly sensitive fields per subject: hidden from every role but tenant admins and staff. */
  sensitiveFields?: SensitiveFields;
  /** Import pipelines run by `eduledger import <name>` and the Imports page. */
  importPipelines?: readonly ImportPipeline[];
  /** Named reports: cached, exported, served at `/api/reports/<name>` and by `eduledger report`. */
  reports?: readonly ReportDefinition[];
  /** Background tasks (e.g. daily reminders), registered on the platform's job runner. */
  jobs?: readonly ModuleJob[];
  /** Counts per tenant on the site admins' overview of tenants (e.g. programs, courses). */
  tenantMetrics?: TenantMetrics;
  /** Where an invitee lands after accepting (e.g. the section they were invited to teach). */
  invitationLanding?: InvitationLanding;
  /** How the module names an invitation's program and section (the email, the acceptance page). */
  describeInvitedWork?: InvitedWorkDescriber;
  /** What the module counts toward a tenant's billed usage (billable courses, active users). */
  billingUsage?: BillingUsageSource;
}

export const defineModule = (definition: ModuleDefinition): ModuleDefinition => definition;
