import { describe, expect, it } from 'vitest';
import { HINTS, passwordStrength } from './strength';

function scoreOf(password: string, email?: string) {
  return passwordStrength(password, email).score;
}

describe('passwordStrength', () => {
  it('rates an empty password very weak and asks for the minimum length', () => {
    expect(passwordStrength('')).toEqual({ score: 0, label: 'Very weak', hints: [HINTS.tooShort] });
  });

  it('keeps passwords under 10 characters at weak at best, however varied', () => {
    const result = passwordStrength('Xk9#mQ2!');
    expect(result.score).toBe(1);
    expect(result.label).toBe('Weak');
    expect(result.hints[0]).toBe(HINTS.tooShort);
  });

  it.each([
    ['10–11 characters', 'hvkdmwpzrt', 1],
    ['12–15 characters', 'hvkdmwpzrtfg', 2],
    ['16–19 characters', 'hvkdmwpzrtfgjnxq', 3],
    ['20+ characters', 'hvkdmwpzrtfgjnxqbmyl', 4],
  ])('gives more points by length tier: %s', (_tier, password, score) => {
    expect(scoreOf(password)).toBe(score);
  });

  it('rewards a mix of character classes', () => {
    expect(scoreOf('hvkdmwpzrt')).toBe(1);
    expect(scoreOf('hvkdmWpz7t')).toBe(2);
    expect(scoreOf('hvk#mWpz7t')).toBe(3);
  });

  it('rates a long passphrase of unrelated words very strong', () => {
    expect(passwordStrength('cobalt orchid tundra vessel')).toEqual({
      score: 4,
      label: 'Very strong',
      hints: [],
    });
  });

  it('penalises repeated characters', () => {
    const result = passwordStrength('hvkdmwwwpzrtfg');
    expect(result.score).toBe(1);
    expect(result.hints).toContain(HINTS.repeats);
    expect(scoreOf('abababababab')).toBe(1);
    expect(scoreOf('aaaaaaaaaaaa')).toBe(0);
  });

  it.each(['hvk123mwpzrt', 'hvkcbamwpzrt', 'hvkqwemwpzrt', 'hvklkjmwpzrt'])(
    'penalises the sequence in %s',
    (password) => {
      const result = passwordStrength(password);
      expect(result.score).toBe(1);
      expect(result.hints).toContain(HINTS.sequences);
    },
  );

  it('penalises common passwords, also in l33t spelling', () => {
    const plain = passwordStrength('Password2024!');
    expect(plain.score).toBe(2);
    expect(plain.hints).toContain(HINTS.common);
    expect(passwordStrength('P@ssw0rd2024!').hints).toContain(HINTS.common);
    expect(scoreOf('qwertyuiop12')).toBe(0);
  });

  it("penalises a password containing the email's local part, ignoring case", () => {
    const result = passwordStrength('Ada.Lovelace#1815', 'ada.lovelace@example.org');
    expect(result.score).toBe(2);
    expect(result.hints).toContain(HINTS.email);
    expect(scoreOf('Ada.Lovelace#1815')).toBe(4);
  });

  it('rates the email itself very weak', () => {
    expect(scoreOf('Ada@Example.org', ' ada@example.org ')).toBe(0);
  });

  it('ignores very short local parts and a blank email', () => {
    expect(scoreOf('al#Wpz7tkdmv', 'al@example.org')).toBe(scoreOf('al#Wpz7tkdmv'));
    expect(scoreOf('al#Wpz7tkdmv', '')).toBe(scoreOf('al#Wpz7tkdmv'));
  });

  it('rates a password over 128 characters very weak', () => {
    const result = passwordStrength('cobalt orchid tundra vessel '.repeat(5));
    expect(result.score).toBe(0);
    expect(result.hints[0]).toBe(HINTS.tooLong);
  });

  it('suggests length and variety while the password is short and plain', () => {
    expect(passwordStrength('hvkdmwpzrt').hints).toEqual([HINTS.longer, HINTS.variety]);
    expect(passwordStrength('hvkdm').hints).toEqual([HINTS.tooShort, HINTS.variety]);
  });
});
