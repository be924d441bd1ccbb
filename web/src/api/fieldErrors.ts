import { ApiError } from './ApiError';

/** Messages the server gave for `field` (a detail path equal to it, or ending in `.field` or `/field`). */
export function fieldErrorsOf(error: Error | null, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter(
      ({ path }) =>
        path !== undefined &&
        (path === field || path.endsWith(`.${field}`) || path.endsWith(`/${field}`)),
    )
    .map(({ message }) => message);
}
