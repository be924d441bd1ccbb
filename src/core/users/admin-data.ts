import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { signInAttempts, users } from '../auth/schema.js';
import type { Queryable } from '../db/client.js';
import { memberships, type Role } from '../db/schema.js';

export const MEMBER_STATUSES = ['pending', 'active', 'suspended', 'deactivated'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_SORTS = ['name', 'email', 'role', 'status', 'lastSeenAt'] as const;

export interface MemberFilter {
  tenantId: string;
  search?: string;
  role?: Role;
  status?: MemberStatus;
  userId?: string;
}

export interface MemberQuery extends MemberFilter {
  sort: (typeof MEMBER_SORTS)[number];
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Deactivation is per tenant (membership); pending/suspended are the account's own state. */
const memberStatus = sql<MemberStatus>`case when ${memberships.status} = 'deactivated'
  then 'deactivated' else ${users.status} end`;
// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const lastSeen = sql<Date | null>`(select max(s.last_seen_at) from sessions s
  where s.user_id = "users"."id")`;
const locked = sql<boolean>`coalesce(${signInAttempts.lockedUntil} > now(), false)`;

function where(filter: MemberFilter): SQL | undefined {
  const conditions = [
    eq(memberships.tenantId, filter.tenantId),
    filter.search
      ? or(
          ilike(users.email, `%${escapeLike(filter.search)}%`),
          ilike(users.name, `%${escapeLike(filter.search)}%`),
        )
      : undefined,
    filter.role ? eq(memberships.role, filter.role) : undefined,
    filter.status ? sql`${memberStatus} = ${filter.status}` : undefined,
    filter.userId ? eq(users.id, filter.userId) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

const sortColumns = {
  name: users.name,
  email: users.email,
  role: memberships.role,
  status: memberStatus,
  lastSeenAt: lastSeen,
};

/** Members of the transaction's tenant (RLS on memberships), with account state. */
export async function listMembers(db: Queryable, query: MemberQuery) {
  const condition = where(query);
  const direction = query.order === 'asc' ? asc : desc;
  const base = () =>
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: memberships.role,
        scope: memberships.scope,
        status: memberStatus,
        locked,
        lastSeenAt: lastSeen,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(signInAttempts, eq(signInAttempts.email, users.email));
  const items = await base()
    .where(condition)
    .orderBy(direction(sortColumns[query.sort]), asc(users.email))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(condition);
  return {
    items: items.map((item) => ({
      ...item,
      lastSeenAt: item.lastSeenAt ? new Date(item.lastSeenAt) : null,
    })),
    total: total?.n ?? 0,
  };
}

export const findMember = async (db: Queryable, tenantId: string, userId: string) =>
  (
    await listMembers(db, {
      tenantId,
      userId,
      sort: 'email',
      order: 'asc',
      limit: 1,
      offset: 0,
    })
  ).items[0];

export const updateMembership = (
  db: Queryable,
  tenantId: string,
  userId: string,
  values: Partial<Pick<typeof memberships.$inferInsert, 'role' | 'scope' | 'status'>>,
) =>
  db
    .update(memberships)
    .set(values)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
