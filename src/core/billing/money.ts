/** An amount in minor units (cents) as the currency writes it, e.g. `$1,240.00`. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** A plain decimal for exports (`1240.00`): no symbol, no grouping. */
export const decimalAmount = (cents: number): string => (cents / 100).toFixed(2);
