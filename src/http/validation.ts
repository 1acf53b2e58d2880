import type { z } from 'zod';
import { must } from '../lib/must';
import { badRequest } from './problem';
import { cleanText } from './text';

type Issue = z.core.$ZodIssue;
export interface FieldError {
  path: string;
  message: string;
}

/** The validated value, or a 400 naming every field that is wrong, in words a new user reads. */
export function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  return validated(
    schema,
    clean(value, where),
    [where],
    `The ${where === 'path' ? 'URL' : `request ${where}`} is not valid`,
  );
}

/**
 * A value checked by a schema, or a 400 whose `errors` name each wrong field under `at` (a part of
 * the body a handler checks itself: a correction's changes, a notification read from FHIR).
 */
export function validated<T>(schema: z.ZodType<T>, value: unknown, at: string[], what: string): T {
  const result = schema.safeParse(value, { error: plainMessage });
  if (result.success) return result.data;
  const errors: FieldError[] = flatten(result.error.issues, []).map((i) => ({
    path: [...at, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  const first = must(errors[0], 'issue of a failed parse');
  throw badRequest(`${what}: ${first.path}: ${first.message}`, errors);
}

/** Well-formed, visible, NFC-normalised text (see text.ts), or a 400 that names the field. */
export function clean(value: unknown, where: string): unknown {
  const cleaned = cleanText(value, where);
  if ('problem' in cleaned) {
    const { path, message } = cleaned.problem;
    throw badRequest(`The ${where === 'path' ? 'URL' : `request ${where}`} is not valid: ${path}: ${message}`, [
      cleaned.problem,
    ]);
  }
  return cleaned.value;
}

/**
 * zod's messages say how it failed ("expected string, received undefined"); these say what to do:
 * a missing field "is required", an unknown one names the known field it is closest to.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(
      (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape ?? {},
    );
    return issue.keys
      .map((key) => {
        const close = closest(key, known);
        return `"${key}" is not a field here${close ? ` (did you mean ${close}?)` : ''}`;
      })
      .join('; ');
  }
  return undefined;
}

/**
 * A union (our JSON or FHIR, say) that matched no branch: report the branch the body came
 * closest to, i.e. with the fewest wrong fields (each unknown key counts), not "Invalid input".
 */
function flatten(issues: readonly Issue[], prefix: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path, message: issue.message }];
    const cost = (branch: readonly Issue[]) =>
      branch.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
    const best = issue.errors.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    return flatten(best, path);
  });
}

/** The known key within two edits of a mistyped one (givenNam -> givenName), if exactly one is. */
function closest(key: string, known: string[]): string | undefined {
  const near = known.filter((k) => distance(key.toLowerCase(), k.toLowerCase()) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

/** Levenshtein distance (field names are short). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let left = i; // next[j - 1]
    const next = [left];
    for (let j = 1; j < row.length; j++) {
      left = Math.min(row[j]! + 1, left + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      next.push(left);
    }
    row = next;
  }
  return must(row.at(-1), 'last column');
}
