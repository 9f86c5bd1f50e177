import type { z } from 'zod';
import { HttpError } from './http-error';

/** Describes the first schema violation as "field.path: message" so the client sees which field. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${field}: ${issue.message}`;
}

/** Parses input with a zod schema or throws 400 invalid_request naming the field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, 'invalid_request', describeZodError(result.error));
  return result.data;
}
