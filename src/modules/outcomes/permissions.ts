import type { ModulePermissions } from '../../core/access/ability.js';

/** Subjects of the outcomes module in the permission matrix. */
export const SUBJECTS = {
  program: 'Program',
  course: 'Course',
  term: 'Term',
  offering: 'Offering',
  section: 'Section',
  instructor: 'Instructor',
  courseOutcome: 'CourseOutcome',
  sectionOutcome: 'SectionOutcome',
  /** Program learning outcomes (PLOs), their dashboard, and the CLO → PLO mapping. */
  programOutcome: 'ProgramOutcome',
  ploMapping: 'PloMapping',
  /** The institution's schedule of assessment reminders (tenant admins only). */
  reminderSettings: 'OutcomesReminderSettings',
  /** Imports and exports of the institution's whole outcomes data. */
  data: 'OutcomesData',
} as const;

/**
 * The outcomes rows of the matrix (DOMAIN.md §1.1). Tenant admins manage everything (core rule).
 * Program admins manage courses, offerings, sections and outcomes within their programs (the data
 * layer narrows every query to them) and instructors, and review section outcomes (§3.2: tenant
 * admins get `review` through the core rule); instructors read their own sections and enter their
 * results.
 */
export const outcomesPermissions: ModulePermissions = ({ can }, member) => {
  if (member.role === 'program_admin') {
    can('read', [SUBJECTS.program, SUBJECTS.term]);
    can(
      ['read', 'create', 'update', 'delete'],
      [SUBJECTS.course, SUBJECTS.offering, SUBJECTS.section, SUBJECTS.courseOutcome],
    );
    can(['read', 'create', 'update'], SUBJECTS.instructor);
    can(['read', 'update', 'review'], SUBJECTS.sectionOutcome);
    can(['read', 'create', 'update', 'delete'], SUBJECTS.programOutcome);
    can(['read', 'update'], SUBJECTS.ploMapping);
    can(['read', 'export'], 'Report');
  }
  if (member.role === 'instructor') {
    can('read', [SUBJECTS.section, SUBJECTS.sectionOutcome]);
    // Their own sections' results only: the workflow service checks they teach the section.
    can('update', SUBJECTS.sectionOutcome);
  }
};
