import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('violet-harbor-lantern-42', 'ada@example.com')).toEqual([]);
  });

  it('enforces the length bounds', () => {
    expect(passwordProblems('short1!')).toEqual(['must be at least 10 characters']);
    expect(passwordProblems('x'.repeat(129))).toContain('must be at most 128 characters');
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblems('1234567890')).toEqual(['is too common: choose another']);
    expect(passwordProblems('QWERTYUIOP')).toEqual(['is too common: choose another']);
  });

  it('refuses the email address as the password', () => {
    expect(passwordProblems('Ada.Lovelace@Example.com', 'ada.lovelace@example.com')).toEqual([
      'must not be the email address',
    ]);
  });
});
