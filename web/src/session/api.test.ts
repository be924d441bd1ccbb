import { describe, expect, it } from 'vitest';
import { errorReply, mockApi, reply } from '../test/http';
import { meFixture } from '../test/fixtures';
import { getMe, postSignOut } from './api';

describe('getMe', () => {
  it('returns the /api/me body', async () => {
    mockApi({ 'GET /api/me': reply(200, meFixture()) });
    await expect(getMe()).resolves.toEqual(meFixture());
  });

  it('returns null when nobody is signed in', async () => {
    mockApi({ 'GET /api/me': errorReply(401, 'unauthenticated', 'Sign in first') });
    await expect(getMe()).resolves.toBeNull();
  });

  it('lets other failures through', async () => {
    mockApi({ 'GET /api/me': errorReply(500, 'internal_error', 'Database is down') });
    await expect(getMe()).rejects.toMatchObject({ code: 'internal_error', status: 500 });
  });
});

describe('postSignOut', () => {
  it('posts an empty body', async () => {
    const api = mockApi({ 'POST /api/auth/sign-out': reply(200) });
    await postSignOut();
    expect(api.callsTo('POST /api/auth/sign-out')).toEqual([
      { method: 'POST', path: '/api/auth/sign-out', body: {} },
    ]);
  });

  it('counts a session that has already ended as signed out', async () => {
    mockApi({ 'POST /api/auth/sign-out': errorReply(401, 'unauthenticated', 'Sign in first') });
    await expect(postSignOut()).resolves.toBeUndefined();
  });

  it('lets other failures through', async () => {
    mockApi({ 'POST /api/auth/sign-out': new TypeError('Failed to fetch') });
    await expect(postSignOut()).rejects.toMatchObject({ code: 'network_error' });
  });
});
