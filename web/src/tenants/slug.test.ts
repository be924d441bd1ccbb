import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugFrom } from './slug';

describe('slugFrom', () => {
  it.each([
    ['Riverside Partners', 'riverside-partners'],
    ['  École Nord, KC  ', 'ecole-nord-kc'],
    ['KC STEM Alliance — 2025!', 'kc-stem-alliance-2025'],
    ['!!!', ''],
  ])('turns %j into %j', (name, slug) => {
    expect(slugFrom(name)).toBe(slug);
  });

  it('keeps a long name within 40 characters and without a trailing hyphen', () => {
    const slug = slugFrom('The Very Long Name of a Community College District Foundation');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });
});
