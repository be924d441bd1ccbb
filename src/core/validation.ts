import type { z } from 'zod';
import { ValidationError, type ErrorDetail } from './errors.js';

export function issuesToDetails(issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Parses input with a schema, or throws ValidationError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError('The input is not valid', issuesToDetails(result.error.issues));
  }
  return result.data;
}
