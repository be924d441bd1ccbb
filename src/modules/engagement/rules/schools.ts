import type { SchoolLevel } from '../enums.js';

/** The level a school's name states: Elementary, Middle or High; anything else is Other. */
export function schoolLevel(name: string): SchoolLevel {
  const words = name.toLowerCase();
  if (/\belementary\b/.test(words)) return 'Elementary';
  if (/\b(middle|junior high)\b/.test(words)) return 'Middle';
  if (/\bhigh\b/.test(words)) return 'High';
  return 'Other';
}

const KINDERGARTEN = new Set(['k', 'kg', 'kindergarten']);

/** Grades 0–12 (kindergarten is 0); undefined when the value is not a grade. */
export function gradeLevel(raw: string): number | undefined {
  const value = raw.trim().toLowerCase();
  if (KINDERGARTEN.has(value)) return 0;
  if (!/^\d{1,2}(\.0+)?$/.test(value)) return undefined;
  const grade = Number(value);
  return grade <= 12 ? grade : undefined;
}
