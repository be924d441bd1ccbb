import type { OutcomeStatus } from '../types';

/** What "% complete" means, said wherever a percentage is shown. */
export const COMPLETE_DEFINITION =
  '% complete = CLO results approved or marked never coming in (NCI), over all CLO results of the term’s sections.';

/** The CLO statuses in workflow order, with the chart colours. */
export const OUTCOME_SERIES: readonly { name: OutcomeStatus; label: string; color: string }[] = [
  { name: 'approved', label: 'Approved', color: 'green.6' },
  { name: 'never_coming_in', label: 'Never coming in', color: 'dark.3' },
  { name: 'submitted', label: 'Submitted', color: 'indigo.6' },
  { name: 'needs_rework', label: 'Needs rework', color: 'orange.6' },
  { name: 'in_progress', label: 'In progress', color: 'blue.4' },
  { name: 'assigned', label: 'Assigned', color: 'gray.5' },
  { name: 'unassigned', label: 'No instructor', color: 'gray.3' },
];

/** "42.9 %", or a dash without outcomes. */
export const formatPercent = (percent: number | null) =>
  percent === null ? '—' : `${percent.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;
