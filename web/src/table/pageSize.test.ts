import { describe, expect, it, vi } from 'vitest';
import { pageSizeKey, readPageSize, writePageSize } from './pageSize';

describe('page size storage', () => {
  it('remembers a page size per table', () => {
    writePageSize('users', 50);
    expect(window.localStorage.getItem(pageSizeKey('users'))).toBe('50');
    expect(readPageSize('users')).toBe(50);
    expect(readPageSize('audit')).toBe(25);
  });

  it('ignores stored values that are not an offered page size', () => {
    window.localStorage.setItem(pageSizeKey('users'), '30');
    expect(readPageSize('users')).toBe(25);
  });

  it('falls back to the default when storage is unavailable', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => writePageSize('users', 100)).not.toThrow();
    expect(readPageSize('users')).toBe(25);
  });
});
