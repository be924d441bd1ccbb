import { STATUS_COLORS, STATUS_LABELS, templateLabel } from './labels';
import { EMAIL_STATUSES, type EmailMetrics, type EmailStatus } from './types';

export type StatusCounts = Record<EmailStatus, number>;

export interface TemplateCounts extends StatusCounts {
  template: string;
  label: string;
  total: number;
}

const zero = (): StatusCounts =>
  Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as StatusCounts;

/** Every status with its count (0 when the server lists none). */
export function statusCounts(metrics: EmailMetrics): StatusCounts {
  return { ...zero(), ...metrics.byStatus };
}

/** One row per template, every status filled in, busiest template first. */
export function templateCounts(metrics: EmailMetrics): TemplateCounts[] {
  const rows = new Map<string, TemplateCounts>();
  for (const { template, status, n } of metrics.byTemplate) {
    const row = rows.get(template) ?? {
      ...zero(),
      template,
      label: templateLabel(template),
      total: 0,
    };
    row[status] += n;
    row.total += n;
    rows.set(template, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

/** The chart series of the statuses, in the colours of the status badges. */
export const STATUS_SERIES = EMAIL_STATUSES.map((status) => ({
  name: status,
  label: STATUS_LABELS[status],
  color: `${STATUS_COLORS[status]}.6`,
}));
