import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { fieldErrorsOf, fieldErrorText } from './fieldErrors';

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

describe('fieldErrorText', () => {
  it('names the field before fragments and joins the messages', () => {
    expect(fieldErrorText(error, 'newPassword', 'New password')).toBe(
      'Too common. Too short. Is the email',
    );
    const fragment = new ApiError({
      code: 'validation_failed',
      message: 'Invalid',
      status: 400,
      details: [{ path: 'email', message: 'must be a valid email address' }],
    });
    expect(fieldErrorText(fragment, 'email', 'Email')).toBe('Email must be a valid email address');
  });

  it('is undefined without messages for the field', () => {
    expect(fieldErrorText(error, 'name', 'Name')).toBeUndefined();
  });
});
