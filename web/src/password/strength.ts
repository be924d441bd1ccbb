export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: StrengthScore;
  label: string;
  /** What would make the password stronger; empty when there is nothing to suggest. */
  hints: string[];
}

/** Password policy of DOMAIN §1.2. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const LABELS: Record<StrengthScore, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

/** Fragments that make up most common passwords; matched after undoing l33t substitutions. */
const COMMON_FRAGMENTS = [
  'password',
  'passwort',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'secret',
  'changeme',
  'eduledger',
];

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

export const HINTS = {
  tooShort: `Use at least ${String(PASSWORD_MIN_LENGTH)} characters.`,
  tooLong: `Use at most ${String(PASSWORD_MAX_LENGTH)} characters.`,
  longer: 'Make it longer: a few unrelated words make a strong, memorable password.',
  variety: 'Mix upper and lower case letters, digits and symbols.',
  repeats: 'Avoid repeated characters such as "aaa".',
  sequences: 'Avoid sequences such as "abc", "123" or "qwerty".',
  common: 'Avoid common passwords and words such as "password".',
  email: 'Do not use your email address or a part of it.',
} as const;

function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return classes.filter((pattern) => pattern.test(password)).length;
}

function lengthPoints(length: number): number {
  if (length >= 20) return 4;
  if (length >= 16) return 3;
  if (length >= 12) return 2;
  if (length >= 8) return 1;
  return 0;
}

/** Penalty for three or more of the same character in a row, and for very few distinct ones. */
function repeatPenalty(password: string): number {
  const run = /(.)\1\1/u.test(password) ? 1 : 0;
  const fewDistinct = new Set(password).size <= password.length / 3 ? 1 : 0;
  return run + fewDistinct;
}

/** Three letters or digits in alphabet order, either way round: "abc", "321". */
function isAlphabetRun(triple: string): boolean {
  if (!/^[a-z0-9]{3}$/.test(triple)) return false;
  const step = triple.charCodeAt(1) - triple.charCodeAt(0);
  return Math.abs(step) === 1 && triple.charCodeAt(2) - triple.charCodeAt(1) === step;
}

/** Three neighbouring keys of one keyboard row, either way round: "qwe", "lkj". */
function isKeyboardRun(triple: string): boolean {
  const reversed = [...triple].reverse().join('');
  return KEYBOARD_ROWS.some((row) => row.includes(triple) || row.includes(reversed));
}

function hasSequence(lower: string): boolean {
  for (let i = 0; i + 3 <= lower.length; i += 1) {
    const triple = lower.slice(i, i + 3);
    if (isAlphabetRun(triple) || isKeyboardRun(triple)) return true;
  }
  return false;
}

function containsCommonFragment(lower: string): boolean {
  const unleeted = [...lower].map((char) => LEET[char] ?? char).join('');
  return COMMON_FRAGMENTS.some((word) => lower.includes(word) || unleeted.includes(word));
}

function emailParts(email: string | undefined): { address: string; localPart: string } | null {
  const address = email?.trim().toLowerCase() ?? '';
  const localPart = address.split('@')[0] ?? '';
  return address === '' ? null : { address, localPart };
}

function clampScore(points: number): StrengthScore {
  if (points <= 0) return 0;
  if (points >= 4) return 4;
  return points as StrengthScore;
}

/**
 * Estimates how hard `password` is to guess, from 0 (very weak) to 4 (very strong): length tiers,
 * character variety, and penalties for repeats, sequences, common words and the user's email.
 * Guidance only; the server enforces the policy.
 */
export function passwordStrength(password: string, email?: string): PasswordStrength {
  if (password === '') return { score: 0, label: LABELS[0], hints: [HINTS.tooShort] };
  const lower = password.toLowerCase();
  const hints: string[] = [];
  const classes = characterClasses(password);
  let points = lengthPoints(password.length);
  if (classes >= 3) points += 1;
  if (classes === 4) points += 1;

  const repeats = repeatPenalty(password);
  if (repeats > 0) {
    points -= repeats;
    hints.push(HINTS.repeats);
  }
  if (hasSequence(lower)) {
    points -= 1;
    hints.push(HINTS.sequences);
  }
  if (containsCommonFragment(lower)) {
    points -= 2;
    hints.push(HINTS.common);
  }

  const parts = emailParts(email);
  const isEmail = parts !== null && lower === parts.address;
  if (
    parts !== null &&
    (isEmail || (parts.localPart.length >= 3 && lower.includes(parts.localPart)))
  ) {
    points -= 3;
    hints.push(HINTS.email);
  }

  let cap = 4;
  if (password.length < PASSWORD_MIN_LENGTH) {
    cap = 1;
    hints.unshift(HINTS.tooShort);
  } else if (password.length > PASSWORD_MAX_LENGTH) {
    cap = 0;
    hints.unshift(HINTS.tooLong);
  }
  if (isEmail) cap = 0;

  const score = clampScore(Math.min(points, cap));
  const roomToGrow = score < 3 && password.length < 16;
  if (roomToGrow && password.length >= PASSWORD_MIN_LENGTH) hints.push(HINTS.longer);
  if (roomToGrow && classes < 3) hints.push(HINTS.variety);
  return { score, label: LABELS[score], hints };
}
