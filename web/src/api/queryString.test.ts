import { describe, expect, it } from 'vitest';
import { queryString } from './queryString';

describe('queryString', () => {
  it('encodes the values that are set', () => {
    expect(queryString({ search: 'ada lovelace', page: 2, role: '', x: null, y: undefined })).toBe(
      '?search=ada+lovelace&page=2',
    );
  });

  it('is empty without values', () => {
    expect(queryString({ role: '' })).toBe('');
  });
});
