import type { EventType } from '../enums.js';

const ACRONYMS: Partial<Record<EventType, string>> = {
  in_person: 'In-Person',
  dia: 'DIA',
  ignite: 'IGNITE',
  data_viz: 'DataViz',
  healthstart: 'HealthStart',
  bfi: 'BFI',
  p2t: 'P2T',
  p2gd: 'P2GD',
  sla: 'SLA',
  fafsa: 'FAFSA',
};

/** `career_speaker` → `Career Speaker` (acronyms as Salesforce writes them). */
export const eventTypeLabel = (type: string): string =>
  ACRONYMS[type as EventType] ??
  type
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2024-09` → `September 2024`. */
export const monthLabel = (month: string): string =>
  `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

/** The twelve months `YYYY-MM` of a school year, August first. */
export function schoolYearMonths(schoolYear: string): string[] {
  const start = Number(schoolYear.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((7 + i) % 12) + 1;
    const year = month >= 8 ? start : start + 1;
    return `${String(year)}-${String(month).padStart(2, '0')}`;
  });
}
