/** A problem+json answer as the service sends it (src/http/problem.ts, src/http/validation.ts). */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number';
}

/**
 * The server's field errors by the form's field names: the service names a body field
 * `body.child.givenName`; the form calls it `child.givenName`. Errors that name no field of the
 * form are returned under '' (shown above the form); so is a problem's detail without `errors`,
 * unless its `code` is one that byCode ties to a field.
 */
export function fieldErrors(
  problem: Problem,
  fields: readonly string[],
  byCode: Record<string, string> = {},
): Record<string, string> {
  const found: Record<string, string> = {};
  // A refusal of the whole declaration that is about one field (no such mother) goes beside it.
  const coded = problem.code ? byCode[problem.code] : undefined;
  if (coded && problem.detail) return { [coded]: problem.detail };
  for (const { path, message } of problem.errors ?? []) {
    const name = path.replace(/^body\./, '');
    // The closest field: itself, or the field it is part of (child.placeOfBirth.governorate).
    const field = fields.find((f) => name === f || name.startsWith(`${f}.`));
    const key = field ?? '';
    found[key] = found[key] ? `${found[key]}; ${message}` : message;
  }
  if (!problem.errors?.length && problem.detail) found[''] = problem.detail;
  return found;
}
