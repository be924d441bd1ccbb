import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './nextPath';

describe('safeNextPath', () => {
  it.each([
    ['/', '/'],
    ['/engagement/events', '/engagement/events'],
    ['/reports?district=7&page=2', '/reports?district=7&page=2'],
    ['/reports#summary', '/reports#summary'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ['missing', null],
    ['undefined', undefined],
    ['empty', ''],
    ['a protocol-relative URL', '//evil.example/path'],
    ['a protocol-relative URL with backslash', '/\\evil.example'],
    ['a backslash-only URL', '\\\\evil.example'],
    ['a full URL', 'https://evil.example/'],
    ['a full URL of the same path', 'http://localhost/engagement'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path without a leading slash', 'evil.example'],
    ['a path with a tab hiding a second slash', '/\t/evil.example'],
    ['a path with a newline hiding a second slash', '/\n/evil.example'],
    ['a dot segment collapsing into //', '/.//evil.example'],
    ['an unparsable host after a hidden slash', '/\t/[::'],
    ['the sign-in page itself', '/sign-in?next=/x'],
    ['leading whitespace', ' /engagement'],
  ])('sends %s to the home page', (_label, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('signInPathFor', () => {
  it('is plain /sign-in for the home page', () => {
    expect(signInPathFor({ pathname: '/', search: '' })).toBe('/sign-in');
  });

  it('carries the path and query of any other page as next', () => {
    expect(signInPathFor({ pathname: '/reports', search: '?page=2&size=50' })).toBe(
      '/sign-in?next=%2Freports%3Fpage%3D2%26size%3D50',
    );
  });
});
