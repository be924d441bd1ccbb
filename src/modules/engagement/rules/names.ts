/** A name written entirely in capitals (at least two letters, none lower-case), e.g. `JOSEPH TAYLOR`. */
export function isAllCaps(...parts: (string | null | undefined)[]): boolean {
  const letters = parts.join('').replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}

/** `O'BRIEN` → `O'Brien`, `SMITH-JONES` → `Smith-Jones`, `MARY KATE` → `Mary Kate`. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(
      /(^|[\s\-'’.])(\p{L})/gu,
      (_, separator: string, letter: string) => separator + letter.toUpperCase(),
    );
}

export interface PersonName {
  firstName: string;
  lastName: string;
  middleName: string | null;
  /** The source wrote the whole name in capitals (it was title-cased). */
  wasAllCaps: boolean;
}

/** A contact's name as stored: trimmed, and title-cased when the source has it in capitals. */
export function personName(
  first: string | null,
  last: string | null,
  middle: string | null = null,
): PersonName {
  const wasAllCaps = isAllCaps(first, middle, last);
  const fix = (part: string | null) => (part && wasAllCaps ? titleCase(part) : part);
  return {
    firstName: fix(first) ?? '',
    lastName: fix(last) ?? '',
    middleName: fix(middle),
    wasAllCaps,
  };
}
