import { apiFetch } from '../api/client';
import type { BulkProgress } from '../emails/types';
import type { Page } from '../api/page';
import { queryString, type QueryValues } from '../api/queryString';
import type {
  Course,
  CourseDetail,
  CourseOutcome,
  DraftInput,
  ImportResult,
  Instructor,
  MySection,
  Offering,
  Program,
  ReminderSettings,
  ReminderText,
  RemindReply,
  ReviewAction,
  ReviewPage,
  Section,
  SectionDetail,
  Term,
} from './types';

export const OUTCOMES_KEY = ['outcomes'] as const;

/** The resources of the outcomes API, by their path under /api/outcomes. */
export type Resource = 'programs' | 'courses' | 'terms' | 'offerings' | 'sections' | 'instructors';

const base = (resource: string, id?: string, rest = '') =>
  `/api/outcomes/${resource}${id === undefined ? '' : `/${encodeURIComponent(id)}`}${rest}`;

export const listOf = <T>(resource: Resource, query: QueryValues, signal?: AbortSignal) =>
  apiFetch<Page<T>>(`${base(resource)}${queryString(query)}`, { signal });

export const getCourse = (id: string, signal?: AbortSignal) =>
  apiFetch<CourseDetail>(base('courses', id), { signal });
export const getSection = (id: string, signal?: AbortSignal) =>
  apiFetch<SectionDetail>(base('sections', id), { signal });

export interface ProgramInput {
  name: string;
  shortName?: string;
  description?: string;
}
export const createProgram = (input: ProgramInput) =>
  apiFetch<Program>(base('programs'), { method: 'POST', json: input });
export const updateProgram = (id: string, input: ProgramInput) =>
  apiFetch<Program>(base('programs', id), { method: 'PATCH', json: input });
export const deleteProgram = (id: string, confirm: boolean) =>
  apiFetch<{ movedToDefault: number }>(base('programs', id, confirm ? '?confirm=true' : ''), {
    method: 'DELETE',
  });

export interface CourseInput {
  number: string;
  title?: string;
  creditHours?: number;
  programIds?: string[];
}
export const createCourse = (input: CourseInput) =>
  apiFetch<Course>(base('courses'), { method: 'POST', json: input });
export const updateCourse = (id: string, input: Partial<CourseInput>) =>
  apiFetch<Course>(base('courses', id), { method: 'PATCH', json: input });
export const duplicateCourse = (id: string, input: { number: string; title?: string }) =>
  apiFetch<Course>(base('courses', id, '/duplicate'), { method: 'POST', json: input });
export const deleteCourse = (id: string) =>
  apiFetch<undefined>(base('courses', id), { method: 'DELETE' });

export const createCourseOutcome = (courseId: string, input: { description: string }) =>
  apiFetch<CourseOutcome>(base('courses', courseId, '/outcomes'), { method: 'POST', json: input });
export const updateCourseOutcome = (
  id: string,
  input: { description?: string; isActive?: boolean },
) => apiFetch<CourseOutcome>(base('course-outcomes', id), { method: 'PATCH', json: input });
export const deleteCourseOutcome = (id: string) =>
  apiFetch<undefined>(base('course-outcomes', id), { method: 'DELETE' });

export interface TermInput {
  code?: string;
  name?: string;
  startDate?: string;
  endDate?: string;
  dueDate?: string | null;
}
export const createTerm = (input: TermInput) =>
  apiFetch<Term>(base('terms'), { method: 'POST', json: input });
export const updateTerm = (id: string, input: TermInput) =>
  apiFetch<Term>(base('terms', id), { method: 'PATCH', json: input });
export const deleteTerm = (id: string) =>
  apiFetch<undefined>(base('terms', id), { method: 'DELETE' });

export interface OfferingInput {
  courseId: string;
  termId: string;
  sections: number;
  instructorId?: string | null;
}
export const createOffering = (input: OfferingInput) =>
  apiFetch<Offering>(base('offerings'), { method: 'POST', json: input });
export const deleteOffering = (id: string) =>
  apiFetch<undefined>(base('offerings', id), { method: 'DELETE' });

export const assignInstructor = (sectionId: string, instructorId: string | null) =>
  apiFetch<Section>(base('sections', sectionId, '/instructor'), {
    method: 'PUT',
    json: { instructorId },
  });

export const createInstructor = (input: { name: string; email?: string }) =>
  apiFetch<Instructor>(base('instructors'), { method: 'POST', json: input });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads a CEI workbook; the server checks it without writing (validate-only). */
export const uploadWorkbook = (file: File) =>
  apiFetch<ImportResult>(`/api/outcomes/imports${queryString({ fileName: file.name })}`, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': XLSX_TYPE },
  });
export const commitUpload = (uploadId: string) =>
  apiFetch<ImportResult>(`/api/outcomes/imports/${encodeURIComponent(uploadId)}/commit`, {
    method: 'POST',
  });
export const problemsCsvUrl = (uploadId: string) =>
  `/api/outcomes/imports/${encodeURIComponent(uploadId)}/problems.csv`;

/** The caller's own sections (instructors), by due date. */
export const getMySections = (query: QueryValues, signal?: AbortSignal) =>
  apiFetch<{ items: MySection[] }>(`/api/outcomes/my/sections${queryString(query)}`, { signal });

/** Autosave of the instructor's work; answers the section as it is now. */
export const saveDraft = (sectionId: string, input: DraftInput) =>
  apiFetch<SectionDetail>(base('sections', sectionId, '/draft'), { method: 'PUT', json: input });

/** Submits every open CLO of the section; 422 `validation_failed` lists the problems. */
export const submitSection = (sectionId: string, alertProgramAdmins: boolean) =>
  apiFetch<SectionDetail>(base('sections', sectionId, '/submit'), {
    method: 'POST',
    json: { alertProgramAdmins },
  });

export const listReview = (query: QueryValues, signal?: AbortSignal) =>
  apiFetch<ReviewPage>(`/api/outcomes/review${queryString(query)}`, { signal });

/** Moves section outcomes, all or none (409 `invalid_transition` names the refused ones). */
export const reviewAction = (input: {
  action: ReviewAction;
  outcomeIds: string[];
  comment?: string;
}) =>
  apiFetch<{ updated: number }>('/api/outcomes/review/actions', { method: 'POST', json: input });

export const getReminderText = (signal?: AbortSignal) =>
  apiFetch<ReminderText>('/api/outcomes/review/reminders/default', { signal });

export const sendReminders = (input: ReminderText & { sectionIds: string[] }) =>
  apiFetch<RemindReply>('/api/outcomes/review/reminders', { method: 'POST', json: input });

export const getReminderProgress = (bulkJobId: string, signal?: AbortSignal) =>
  apiFetch<BulkProgress>(`/api/outcomes/review/reminders/${encodeURIComponent(bulkJobId)}`, {
    signal,
  });

export const getReminderSettings = (signal?: AbortSignal) =>
  apiFetch<ReminderSettings>('/api/outcomes/reminder-settings', { signal });

export const saveReminderSettings = (input: ReminderSettings) =>
  apiFetch<ReminderSettings>('/api/outcomes/reminder-settings', { method: 'PUT', json: input });
