/** An amount in cents as the currency writes it: `$1,240.00`, `€199.00`. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar day (`YYYY-MM-DD`) as "Mar 5, 2025", never shifted by the browser's time zone. */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** "49.00" → 4900; null when it is not an amount with at most two decimals. */
export function parseCents(value: string): number | null {
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 4900 → "49.00", for an input field. */
export const centsToInput = (cents: number): string => (cents / 100).toFixed(2);

/** A plan's price in words: "$49.00 a month + $3.00 per billable course". */
export function planPrice(
  plan: { basePriceCents: number; coursePriceCents: number },
  currency: string,
): string {
  if (plan.basePriceCents === 0 && plan.coursePriceCents === 0) return 'No charge';
  const parts = [`${formatMoney(plan.basePriceCents, currency)} a month`];
  if (plan.coursePriceCents > 0) {
    parts.push(`${formatMoney(plan.coursePriceCents, currency)} per billable course`);
  }
  return parts.join(' + ');
}
