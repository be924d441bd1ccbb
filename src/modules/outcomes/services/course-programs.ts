import { ForbiddenError } from '../../../core/access/route-guard.js';
import type { Tx } from '../../../core/db/client.js';
import { ValidationError } from '../../../core/errors.js';
import * as programsData from '../data/programs.js';
import type { Caller } from '../scope.js';

/**
 * The programs a course ends up in when the caller asks for `requested` (none asked: the
 * default program, or a program admin's only program). Program admins may place courses only in
 * their own programs (403 otherwise), in at least one of them, and leave the course's other
 * programs as they are.
 */
export async function resolvePrograms(
  q: Tx,
  { tenantId, scope }: Caller,
  requested: readonly string[] | undefined,
  current: readonly string[] = [],
): Promise<string[]> {
  const wanted = [...new Set(requested ?? [])];
  if (scope.kind === 'programs') {
    const own = (id: string) => scope.programIds.includes(id);
    if (wanted.some((id) => !own(id))) {
      throw new ForbiddenError('You may place courses only in your own programs');
    }
    const onlyProgram = scope.programIds.length === 1 ? [...scope.programIds] : [];
    const mine = requested === undefined ? onlyProgram : wanted;
    if (mine.length === 0) {
      throw new ValidationError('Choose the program of the course', [
        { path: 'programIds', message: 'choose at least one of your programs' },
      ]);
    }
    return [...current.filter((id) => !own(id)), ...mine];
  }
  if (requested === undefined) {
    return current.length > 0 ? [...current] : [(await programsData.ensureDefault(q, tenantId)).id];
  }
  const known = new Set((await programsData.findMany(q, scope, wanted)).map((p) => p.id));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationError('Some programs do not exist', [
      { path: 'programIds', message: `unknown program(s): ${unknown.join(', ')}` },
    ]);
  }
  return wanted.length > 0 ? wanted : [(await programsData.ensureDefault(q, tenantId)).id];
}
