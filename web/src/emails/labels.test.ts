import { describe, expect, it } from 'vitest';
import { isInFlight, templateLabel } from './labels';
import { EMAIL_STATUSES } from './types';

describe('email labels', () => {
  it('names a template from its id', () => {
    expect(templateLabel('password-reset')).toBe('Password reset');
    expect(templateLabel('billing_read_only')).toBe('Billing read only');
    expect(templateLabel('welcome')).toBe('Welcome');
  });

  it('tells the states the worker may still change', () => {
    expect(EMAIL_STATUSES.map(isInFlight)).toEqual([true, true, false, false, false]);
  });
});
