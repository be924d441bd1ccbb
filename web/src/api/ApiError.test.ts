import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR_CODE } from './ApiError';

describe('ApiError.fromBody', () => {
  it('reads code, message, details and request id from the server error shape', () => {
    const error = ApiError.fromBody(422, {
      error: {
        code: 'validation_failed',
        message: 'The request is invalid.',
        details: [
          { path: 'email', message: 'Must be an email address' },
          { message: 'Too many fields' },
        ],
        requestId: 'req-42',
      },
    });

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error?.name).toBe('ApiError');
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('validation_failed');
    expect(error?.message).toBe('The request is invalid.');
    expect(error?.details).toEqual([
      { path: 'email', message: 'Must be an email address' },
      { message: 'Too many fields' },
    ]);
    expect(error?.requestId).toBe('req-42');
  });

  it('keeps the details as sent, with fields beyond path and message', () => {
    const sent = [{ id: 'so-1', status: 'approved', reason: 'Already approved' }];
    const error = ApiError.fromBody(409, {
      error: { code: 'invalid_transition', message: 'Not allowed', details: sent },
    });
    expect(error?.details).toEqual([]);
    expect(error?.rawDetails).toEqual(sent);
    expect(ApiError.fromBody(409, { error: { code: 'x', message: 'y' } })?.rawDetails).toEqual([]);
  });

  it('leaves out details that are not { message } objects and ignores a non-string request id', () => {
    const error = ApiError.fromBody(400, {
      error: {
        code: 'bad_request',
        message: 'Bad request',
        details: ['loose text', { path: 'name' }, { path: 7, message: 'Required' }, null],
        requestId: 12,
      },
    });

    expect(error?.details).toEqual([{ message: 'Required' }]);
    expect(error?.requestId).toBeUndefined();
  });

  it('gives no details when the details field is missing or not a list', () => {
    expect(
      ApiError.fromBody(404, { error: { code: 'not_found', message: 'Gone' } })?.details,
    ).toEqual([]);
    expect(
      ApiError.fromBody(404, { error: { code: 'not_found', message: 'Gone', details: 'x' } })
        ?.details,
    ).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a string', 'Internal Server Error'],
    ['an object without error', { message: 'nope' }],
    ['an error without code', { error: { message: 'nope' } }],
    ['an error with a numeric message', { error: { code: 'x', message: 5 } }],
  ])('returns null for %s', (_label, body) => {
    expect(ApiError.fromBody(500, body)).toBeNull();
  });
});

describe('ApiError.network', () => {
  it('makes a network_error with status 0 unless a status is given', () => {
    expect(ApiError.network('offline')).toMatchObject({
      code: NETWORK_ERROR_CODE,
      message: 'offline',
      status: 0,
      details: [],
    });
    expect(ApiError.network('bad gateway', 502).status).toBe(502);
  });
});
