import { SEASONS, type Season, type TermStatus } from '../enums.js';

export const SEASON_NAMES: Record<Season, string> = {
  FA: 'Fall',
  SP: 'Spring',
  SU: 'Summer',
  WI: 'Winter',
};

export const TERM_CODE_HINT = 'must be a year and a season, e.g. 2024FA (FA, SP, SU or WI)';

const CODE = /^(\d{4})(FA|SP|SU|WI)$/;
const NAME = new RegExp(`^(${Object.values(SEASON_NAMES).join('|')})\\s+(\\d{4})$`, 'i');
const YEAR_FIRST = new RegExp(`^(\\d{4})\\s+(${Object.values(SEASON_NAMES).join('|')})$`, 'i');

const seasonOfName = (name: string): Season | undefined =>
  SEASONS.find((s) => SEASON_NAMES[s].toLowerCase() === name.toLowerCase());

/**
 * The term code of `2024FA`, `2024 fa`, `Fall 2024` or `2024 Fall` (registrar feeds use all of
 * them); undefined when the value names no term.
 */
export function parseTermCode(value: string): string | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  const code = CODE.exec(text.replace(' ', '').toUpperCase());
  if (code) return `${code[1]}${code[2]}`;
  const named = NAME.exec(text);
  if (named?.[1] && named[2]) return `${named[2]}${seasonOfName(named[1]) ?? ''}`;
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst?.[1] && yearFirst[2]) return `${yearFirst[1]}${seasonOfName(yearFirst[2]) ?? ''}`;
  return undefined;
}

export interface TermParts {
  year: number;
  season: Season;
}

export function termParts(code: string): TermParts | undefined {
  const match = CODE.exec(code);
  if (!match?.[1] || !match[2]) return undefined;
  return { year: Number(match[1]), season: match[2] as Season };
}

/** "Fall 2024" for `2024FA`. */
export function termName(code: string): string {
  const parts = termParts(code);
  if (!parts) throw new Error(`not a term code: ${code}`);
  return `${SEASON_NAMES[parts.season]} ${String(parts.year)}`;
}

/** Usual dates of a season, for terms that arrive without dates (an admin can correct them). */
const SEASON_DATES: Record<Season, [start: string, end: string]> = {
  WI: ['01-02', '01-31'],
  SP: ['01-15', '05-15'],
  SU: ['06-01', '08-10'],
  FA: ['08-15', '12-15'],
};

export function defaultTermDates(code: string): { startDate: string; endDate: string } {
  const parts = termParts(code);
  if (!parts) throw new Error(`not a term code: ${code}`);
  const [start, end] = SEASON_DATES[parts.season];
  return { startDate: `${String(parts.year)}-${start}`, endDate: `${String(parts.year)}-${end}` };
}

/** Scheduled before the start, passed after the end, active in between (dates as YYYY-MM-DD). */
export function termStatus(
  term: { startDate: string; endDate: string },
  today: string,
): TermStatus {
  if (today < term.startDate) return 'scheduled';
  if (today > term.endDate) return 'passed';
  return 'active';
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
