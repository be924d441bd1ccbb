import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { setActiveProgram } from '../../../core/auth/active-program.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { AppError, NotFoundError } from '../../../core/errors.js';
import * as programsData from '../data/programs.js';
import { callerOf, roleScopeOf } from '../scope.js';

export const activeProgramInput = z.object({ programId: z.uuid().nullable() });

/** The programs a caller may narrow the session to (their role's scope), and the current one. */
export function activeProgramChoices(db: Db, ctx: RequestContext) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId, userId: ctx.user?.id }, async (q) => {
    const programs = await programsData.choices(q, roleScopeOf(ctx));
    const chosen = ctx.activeProgramId ?? null;
    return {
      activeProgramId: programs.some((p) => p.id === chosen) ? chosen : null,
      programs,
    };
  });
}

/** Narrows this session to a program in the caller's role scope, or widens it (null). */
export function chooseActiveProgram(
  db: Db,
  ctx: RequestContext,
  { programId }: z.infer<typeof activeProgramInput>,
) {
  const { tenantId } = callerOf(ctx);
  const sessionId = ctx.sessionId;
  if (!sessionId) throw new AppError(400, 'no_session', 'Only a signed-in session has a context');
  return tx(db, { tenantId, userId: ctx.user?.id }, async (q) => {
    if (programId && !(await programsData.find(q, roleScopeOf(ctx), programId))) {
      throw new NotFoundError('Program');
    }
    await setActiveProgram(q, sessionId, programId);
    return { activeProgramId: programId };
  });
}
