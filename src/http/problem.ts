/** An RFC 9457 problem: every error the API answers is one of these. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: { code?: string; errors?: { path: string; message: string }[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }

  get type(): string {
    return this.extra.code ? `https://civil-registry.example/problems/${this.extra.code}` : 'about:blank';
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.extra.code ? { code: this.extra.code } : {}),
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: { path: string; message: string }[]) =>
  new Problem(400, 'Bad Request', detail, { code: 'invalid-input', errors });
/** 401 with the Bearer challenge; for a token that was sent, RFC 6750's `invalid_token`. */
export const unauthorized = (detail = 'A valid bearer token is required', code = 'unauthorized') =>
  new Problem(401, 'Unauthorized', detail, {
    code,
    headers: { 'WWW-Authenticate': code === 'unauthorized' ? 'Bearer' : `Bearer error="invalid_token", error_description="${code}"` },
  });
export const forbidden = (detail = 'Your role does not allow this') => new Problem(403, 'Forbidden', detail, { code: 'forbidden' });
export const notFound = (detail: string) => new Problem(404, 'Not Found', detail, { code: 'not-found' });
export const conflict = (detail: string, code = 'conflict', headers?: Record<string, string>) =>
  new Problem(409, 'Conflict', detail, { code, ...(headers ? { headers } : {}) });
export const preconditionFailed = (detail: string) => new Problem(412, 'Precondition Failed', detail, { code: 'stale-version' });
export const unprocessable = (detail: string, code = 'rule-violation') => new Problem(422, 'Unprocessable Content', detail, { code });
export const preconditionRequired = (detail: string) => new Problem(428, 'Precondition Required', detail, { code: 'if-match-required' });
