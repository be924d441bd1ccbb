export type QueryValues = Readonly<Record<string, string | number | null | undefined>>;

/** `?a=1&b=x` from the values that are set (empty strings, null and undefined are left out). */
export function queryString(values: QueryValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
