import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { sessions } from './schema.js';

/**
 * Narrows a session to one program of its active tenant, or widens it again (null). The module
 * that owns programs checks that the caller may see the program before calling this.
 */
export async function setActiveProgram(q: Queryable, sessionId: string, programId: string | null) {
  await q.update(sessions).set({ activeProgramId: programId }).where(eq(sessions.id, sessionId));
}
