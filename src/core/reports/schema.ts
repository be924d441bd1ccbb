import {
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantIsolation } from '../db/app-role.js';
import { tenants } from '../db/schema.js';

const tenantId = () => tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' });

/**
 * One computed report: its summary and where its rows are (DOMAIN.md §1.5). `cacheKey` is the
 * normalized filters plus the caller's data scope. An entry counts only while both generations
 * it was computed under are still current (see `report_generations`).
 */
export const reportCache = pgTable(
  'report_cache',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    report: text('report').notNull(),
    cacheKey: text('cache_key').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    rowCount: integer('row_count').notNull(),
    tenantGeneration: integer('tenant_generation').notNull(),
    reportGeneration: integer('report_generation').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_cache_key_uq').on(t.tenantId, t.report, t.cacheKey),
    ...tenantIsolation(),
  ],
).enableRLS();

/** The rows of a cached report, in the report's own order (`ord` from 0). */
export const reportCacheRows = pgTable(
  'report_cache_rows',
  {
    tenantId: tenantId(),
    cacheId: uuid('cache_id')
      .notNull()
      .references(() => reportCache.id, { onDelete: 'cascade' }),
    ord: integer('ord').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.cacheId, t.ord] }), ...tenantIsolation()],
).enableRLS();

/**
 * Invalidation counters: `report = ''` counts tenant-wide invalidations, other rows one report's.
 * Bumped in the transaction of the change, so a computation that raced with it is never served.
 */
export const reportGenerations = pgTable(
  'report_generations',
  {
    tenantId: tenantId(),
    report: text('report').notNull(),
    generation: integer('generation').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.report] }), ...tenantIsolation()],
).enableRLS();

/** A report's per-tenant settings (e.g. the link to a spreadsheet per school year). */
export const reportSettings = pgTable(
  'report_settings',
  {
    tenantId: tenantId(),
    report: text('report').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.report] }), ...tenantIsolation()],
).enableRLS();
