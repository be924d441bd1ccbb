import type { RequestContext } from '../../../core/access/request-context.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError } from '../../../core/errors.js';
import type { ListWindow } from '../data/screens/query.js';
import {
  findStudent,
  listStudents,
  studentEvents,
  type StudentFilter,
  type StudentSort,
} from '../data/screens/students.js';
import {
  findTeacher,
  listTeachers,
  teacherSessions,
  type TeacherFilter,
  type TeacherSort,
} from '../data/screens/teachers.js';
import { SUBJECTS } from '../permissions.js';
import { callerOf } from './caller.js';
import { visible } from './visible.js';

const LATEST = 100;

export function listTeachersFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<TeacherFilter, 'tenantId' | 'scope'> & ListWindow<TeacherSort>,
) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const page = await listTeachers(q, { ...query, tenantId, scope });
    return {
      ...page,
      items: page.items.map((t) => visible(ctx.ability, SUBJECTS.teacher, t)),
    };
  });
}

export function getTeacher(db: Db, ctx: RequestContext, id: string) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const teacher = await findTeacher(q, tenantId, scope, id);
    if (!teacher) throw new NotFoundError('Teacher');
    return {
      ...visible(ctx.ability, SUBJECTS.teacher, teacher),
      sessions: await teacherSessions(q, id, LATEST),
    };
  });
}

/** Whether the caller may see students' names (and so search and sort by them). */
const seesStudentNames = (ctx: RequestContext) => ctx.ability.can('read', SUBJECTS.student, 'name');

/**
 * Students, with names and demographics left out for roles that may not see them: those
 * callers can neither search nor sort by name (the list falls back to the student number).
 */
export function listStudentsFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<StudentFilter, 'tenantId' | 'scope' | 'searchNames'> & ListWindow<StudentSort>,
) {
  const { tenantId, scope } = callerOf(ctx);
  const searchNames = seesStudentNames(ctx);
  const sort = !searchNames && query.sort === 'name' ? 'studentNumber' : query.sort;
  return tx(db, { tenantId }, async (q) => {
    const page = await listStudents(q, { ...query, sort, tenantId, scope, searchNames });
    return {
      ...page,
      items: page.items.map((s) => visible(ctx.ability, SUBJECTS.student, s)),
    };
  });
}

export function getStudent(db: Db, ctx: RequestContext, id: string) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const student = await findStudent(q, tenantId, scope, id);
    if (!student) throw new NotFoundError('Student');
    return {
      ...visible(ctx.ability, SUBJECTS.student, student),
      participations: await studentEvents(q, id, LATEST),
    };
  });
}
