import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';
import { tenantIdColumn, tenantIsolation } from '../db/app-role.js';
import { ROLES, tenants, type MembershipScope } from '../db/schema.js';

/**
 * An invitation to join a tenant with a role (DOMAIN.md §1.2). Only a hash of the emailed token
 * is stored; the token carries the tenant id so acceptance can run inside that tenant (RLS).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    scope: jsonb('scope').$type<MembershipScope>().notNull().default({}),
    message: text('message'),
    sectionId: text('section_id'),
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'cancelled'] })
      .notNull()
      .default('pending'),
    invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    invitedByName: text('invited_by_name').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_uq').on(t.tokenHash),
    index('invitations_tenant_status_idx').on(t.tenantId, t.status),
    ...tenantIsolation(),
  ],
).enableRLS();
