import type { Tx } from '../../../core/db/client.js';
import {
  activities,
  affiliations,
  classes,
  districts,
  events,
  organizations,
  schools,
} from '../schema.js';
import { bulkUpsert } from './bulk.js';

/*
 * Upserts of the imported records keyed by (tenant_id, external_id). Rows of one call must have
 * the same keys and distinct external ids.
 */

export const upsertOrganizations = (tx: Tx, rows: (typeof organizations.$inferInsert)[]) =>
  bulkUpsert(tx, organizations, rows, {
    conflict: [organizations.tenantId, organizations.externalId],
    id: organizations.id,
    touch: organizations.updatedAt,
  });

export const upsertDistricts = (tx: Tx, rows: (typeof districts.$inferInsert)[]) =>
  bulkUpsert(tx, districts, rows, {
    conflict: [districts.tenantId, districts.externalId],
    id: districts.id,
    touch: districts.updatedAt,
  });

export const upsertSchools = (tx: Tx, rows: (typeof schools.$inferInsert)[]) =>
  bulkUpsert(tx, schools, rows, {
    conflict: [schools.tenantId, schools.externalId],
    id: schools.id,
    touch: schools.updatedAt,
  });

export const upsertClasses = (tx: Tx, rows: (typeof classes.$inferInsert)[]) =>
  bulkUpsert(tx, classes, rows, {
    conflict: [classes.tenantId, classes.externalId],
    id: classes.id,
    touch: classes.updatedAt,
  });

export const upsertAffiliations = (tx: Tx, rows: (typeof affiliations.$inferInsert)[]) =>
  bulkUpsert(tx, affiliations, rows, {
    conflict: [affiliations.tenantId, affiliations.externalId],
    id: affiliations.id,
    touch: affiliations.updatedAt,
  });

/** Events (the district inferred by `link_unaffiliated_events` is not written here). */
export const upsertEvents = (tx: Tx, rows: (typeof events.$inferInsert)[]) =>
  bulkUpsert(tx, events, rows, {
    conflict: [events.tenantId, events.externalId],
    id: events.id,
    touch: events.updatedAt,
  });

/** Activities: a soft-deleted activity stays deleted (deleted_at is never written here). */
export const upsertActivities = (tx: Tx, rows: (typeof activities.$inferInsert)[]) =>
  bulkUpsert(tx, activities, rows, {
    conflict: [activities.tenantId, activities.externalId],
    id: activities.id,
    touch: activities.updatedAt,
  });
