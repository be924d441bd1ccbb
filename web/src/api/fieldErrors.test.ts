import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { fieldErrorsOf } from './fieldErrors';

const error = new ApiError({
  code: 'validation_failed',
  message: 'Invalid',
  status: 400,
  details: [
    { path: 'newPassword', message: 'Too common' },
    { path: 'body.newPassword', message: 'Too short' },
    { path: '/newPassword', message: 'Is the email' },
    { path: 'oldNewPassword', message: 'Other field' },
    { message: 'No path' },
  ],
});

describe('fieldErrorsOf', () => {
  it('collects the messages whose path names the field', () => {
    expect(fieldErrorsOf(error, 'newPassword')).toEqual([
      'Too common',
      'Too short',
      'Is the email',
    ]);
  });

  it('gives nothing for other errors or no error', () => {
    expect(fieldErrorsOf(new Error('boom'), 'newPassword')).toEqual([]);
    expect(fieldErrorsOf(null, 'newPassword')).toEqual([]);
  });
});
