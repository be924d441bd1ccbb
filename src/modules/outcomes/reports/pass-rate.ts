/** The institution's default threshold for a CLO result of `S` (§3.3). */
export const DEFAULT_THRESHOLD = 75;

/** Σpassed ÷ Σtook (0–100) over the outcomes with took > 0; null when there are none (§3.3). */
export function passRate(outcomes: readonly { took: number | null; passed: number | null }[]) {
  const counted = outcomes.filter((o) => (o.took ?? 0) > 0);
  if (counted.length === 0) return null;
  const took = counted.reduce((sum, o) => sum + (o.took ?? 0), 0);
  const passed = counted.reduce((sum, o) => sum + (o.passed ?? 0), 0);
  return (passed / took) * 100;
}

/** `S` at or above the threshold, `U` below; nothing without a rate. */
export const resultOf = (rate: number | null, threshold: number) =>
  rate === null ? null : rate >= threshold ? 'S' : 'U';
