import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';
import { appRole, tenantIdColumn, tenantIsolation } from './app-role.js';

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  modules: text('modules')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  isActive: boolean('is_active').notNull().default(true),
  settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export { users };

export interface TenantSettings {
  timezone?: string;
  branding?: { logoUrl?: string; primaryColor?: string; senderName?: string; replyTo?: string };
}

export const ROLES = [
  'tenant_admin',
  'staff',
  'district_viewer',
  'program_admin',
  'instructor',
] as const;
export type Role = (typeof ROLES)[number];

export interface MembershipScope {
  districts?: string[];
  programs?: string[];
}

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    scope: jsonb('scope').$type<MembershipScope>().notNull().default({}),
    /** A deactivated member keeps their history but cannot reach the tenant. */
    status: text('status', { enum: ['active', 'deactivated'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_tenant_user_uq').on(t.tenantId, t.userId),
    index('memberships_user_idx').on(t.userId),
    ...tenantIsolation(),
    pgPolicy('own_memberships', {
      for: 'select',
      to: appRole,
      using: sql`user_id = nullif(current_setting('app.user_id', true), '')::uuid`,
    }),
  ],
).enableRLS();
