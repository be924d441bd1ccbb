/** What the server accepts as a tenant slug (DOMAIN §1.1). */
export const SLUG_PATTERN = /^[a-z0-9-]{2,40}$/;

/** A slug suggested from a name: "École Nord, KC" → "ecole-nord-kc". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
}
