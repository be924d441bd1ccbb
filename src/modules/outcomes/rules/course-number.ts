/** `PREFIX-NNN` with an optional letter suffix, e.g. `ACC-201`, `ASE-103L`, `MAS-105C` (§3.1). */
const COURSE_NUMBER = /^[A-Z]{2,6}-\d{3}[A-Z]?$/;

export const COURSE_NUMBER_HINT =
  'must look like ABC-123 (an optional letter may follow: ABC-123L)';

/** Upper-cases and trims a course number; spaces around the hyphen are dropped. */
export const normalizeCourseNumber = (value: string) =>
  value
    .trim()
    .toUpperCase()
    .replace(/\s*-\s*/, '-');

export const isCourseNumber = (value: string) => COURSE_NUMBER.test(value);
