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

/**
 * The server's messages for `field` as one sentence for the form, or undefined when there are none.
 * Fragments such as "is required" are prefixed with the field's label: "Name is required".
 */
export function fieldErrorText(
  error: Error | null,
  field: string,
  label: string,
): string | undefined {
  const messages = fieldErrorsOf(error, field).map((message) =>
    /^[a-z]/.test(message) ? `${label} ${message}` : message,
  );
  return messages.length === 0 ? undefined : messages.join('. ');
}
