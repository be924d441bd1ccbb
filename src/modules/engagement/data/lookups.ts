import { sql } from 'drizzle-orm';
import type { ContactKind } from '../enums.js';
import {
  contacts,
  type classes,
  type districts,
  type events,
  type organizations,
  type schools,
} from '../schema.js';
import type { Lookup } from './bulk.js';

/** A lookup of contact ids (of one kind, or any) by Salesforce id, for `idsByKeys`. */
export const contactLookup = (
  kind: ContactKind | 'any',
  externalIds: Iterable<string | null | undefined>,
): Lookup => ({
  table: contacts,
  key: contacts.externalId,
  id: contacts.id,
  keys: externalIds,
  where: kind === 'any' ? undefined : sql`t.kind = ${kind}`,
});

/** A lookup of ids by Salesforce id (`external_id`), for `idsByKeys`. */
export const externalIdLookup = (
  table: typeof organizations | typeof events | typeof schools | typeof classes | typeof districts,
  externalIds: Iterable<string | null | undefined>,
): Lookup => ({ table, key: table.externalId, id: table.id, keys: externalIds });
