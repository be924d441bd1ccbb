import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { signInAttempts } from './schema.js';

/** DOMAIN.md §1.2: 5 failed sign-ins within 15 minutes lock the address for 30 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 30 } as const;

/** When the address is locked until, or undefined when it may try to sign in. */
export async function lockedUntil(db: Queryable, email: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ lockedUntil: signInAttempts.lockedUntil })
    .from(signInAttempts)
    .where(eq(signInAttempts.email, email));
  return row?.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil : undefined;
}

/** Counts a failure atomically (safe across instances); returns the lock end if it now applies. */
export async function recordFailure(db: Queryable, email: string): Promise<Date | undefined> {
  const window = sql.raw(`interval '${LOCKOUT.windowMinutes} minutes'`);
  const lock = sql.raw(`interval '${LOCKOUT.lockMinutes} minutes'`);
  const expired = sql`${signInAttempts.windowStartedAt} < now() - ${window}`;
  const [row] = await db
    .insert(signInAttempts)
    .values({ email, failures: 1 })
    .onConflictDoUpdate({
      target: signInAttempts.email,
      set: {
        failures: sql`case when ${expired} then 1 else ${signInAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${signInAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when not ${expired} and ${signInAttempts.failures} + 1 >= ${LOCKOUT.maxFailures}
          then now() + ${lock} else ${signInAttempts.lockedUntil} end`,
      },
    })
    .returning({ lockedUntil: signInAttempts.lockedUntil });
  return row?.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil : undefined;
}

/** A successful sign-in or an admin unlock clears the count. */
export async function clearFailures(db: Queryable, email: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.email, email));
}
