/** `*@example.com`-style patterns; `*` matches any run of characters. */
export function compileAllowlist(patterns: readonly string[]): (address: string) => boolean {
  const regexes = patterns
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`));
  return (address) => regexes.some((r) => r.test(address.trim().toLowerCase()));
}
