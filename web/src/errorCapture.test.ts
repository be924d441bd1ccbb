import { describe, expect, it } from 'vitest';
import { ApiError } from './api/ApiError';
import { isUnexpected, reportError, startErrorCapture } from './errorCapture';

describe('the web app error capture', () => {
  it('stays off without settings, and reporting then does nothing', async () => {
    await expect(startErrorCapture(null)).resolves.toBe(false);
    expect(() => reportError(new Error('boom'))).not.toThrow();
  });

  it('reports failures of the app and 5xx answers, not answers to the user’s own mistakes', () => {
    const answer = (status: number) => new ApiError({ code: 'x', message: 'x', status });
    expect(isUnexpected(new TypeError('undefined is not a function'))).toBe(true);
    expect(isUnexpected(answer(500))).toBe(true);
    expect(isUnexpected(answer(404))).toBe(false);
    expect(isUnexpected(answer(409))).toBe(false);
  });
});
