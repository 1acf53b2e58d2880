/**
 * What a sectoral client is told of a problem instead of its detail. A rule violation explains
 * itself to staff with the registry's data (dates, record ids, a person's sex); a client sees
 * only this.
 */
export interface ClientView {
  status: number;
  code: string;
  detail: string;
}

type Extra = {
  code?: string;
  errors?: { path: string; message: string }[];
  headers?: Record<string, string>;
  client?: ClientView;
  /** possible-duplicate: who the request seems to repeat (NINs of an enrolment), for the caller to check. */
  candidates?: string[];
};

/** The statuses of rule violations (422: cannot be true as declared; 409: contradicts the registry). */
const RULE_STATUSES: Readonly<Record<number, string>> = { 409: 'Conflict', 422: 'Unprocessable Content' };

/** An RFC 9457 problem: every error the API answers is one of these. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Extra = {},
  ) {
    super(detail);
  }

  get type(): string {
    return this.extra.code ? `https://civil-registry.example/problems/${this.extra.code}` : 'about:blank';
  }

  /**
   * The answer for a sectoral client (role 'client'). Every rule violation, present or future,
   * keeps its code but loses its detail, unless the rule said what a client may see (its
   * `client` view); other problems are about the request itself and go as they are. A view is
   * its own view: converting twice gives the same problem back.
   */
  forClient(): Problem {
    const code = this.extra.code ?? 'rule-violation';
    const view =
      this.extra.client ??
      (this.status in RULE_STATUSES
        ? {
            status: this.status,
            code,
            detail:
              "Refused under the registry's rule named by `code`. The reasons quote the registry's records and are shown to registry staff only; a civil registry office can tell you more (quote this answer's X-Request-Id).",
          }
        : undefined);
    const already =
      view && this.status === view.status && this.extra.code === view.code && this.message === view.detail;
    if (!view || already) return this;
    return new Problem(view.status, RULE_STATUSES[view.status] ?? this.title, view.detail, {
      code: view.code,
      client: view,
      ...(this.extra.headers ? { headers: this.extra.headers } : {}),
    });
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.extra.code ? { code: this.extra.code } : {}),
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
      ...(this.extra.candidates ? { candidates: this.extra.candidates } : {}),
    };
  }
}

/** This problem with what a client is told instead of its detail. */
export const withClientView = (p: Problem, client: ClientView) =>
  new Problem(p.status, p.title, p.message, { ...p.extra, client });

/** This problem, whose detail quotes nothing but the request, told to clients as it is. */
export const shownToClients = (p: Problem) =>
  withClientView(p, { status: p.status, code: p.extra.code ?? 'rule-violation', detail: p.message });

export const badRequest = (detail: string, errors?: { path: string; message: string }[]) =>
  new Problem(400, 'Bad Request', detail, { code: 'invalid-input', errors });
/** 401 with the Bearer challenge; for a token that was sent, RFC 6750's `invalid_token`. */
export const unauthorized = (detail = 'A valid bearer token is required', code = 'unauthorized') =>
  new Problem(401, 'Unauthorized', detail, {
    code,
    headers: {
      'WWW-Authenticate':
        code === 'unauthorized' ? 'Bearer' : `Bearer error="invalid_token", error_description="${code}"`,
    },
  });
export const forbidden = (detail = 'Your role does not allow this') =>
  new Problem(403, 'Forbidden', detail, { code: 'forbidden' });
export const notFound = (detail: string) => new Problem(404, 'Not Found', detail, { code: 'not-found' });
export const conflict = (detail: string, code = 'conflict', headers?: Record<string, string>) =>
  new Problem(409, 'Conflict', detail, { code, ...(headers ? { headers } : {}) });
export const preconditionFailed = (detail: string) =>
  new Problem(412, 'Precondition Failed', detail, { code: 'stale-version' });
export const unprocessable = (detail: string, code = 'rule-violation') =>
  new Problem(422, 'Unprocessable Content', detail, { code });
/** 415: the body is in a format this route does not read; `detail` says which to send. */
export const unsupportedMediaType = (detail: string) =>
  new Problem(415, 'Unsupported Media Type', detail, { code: 'unsupported-media-type' });
export const preconditionRequired = (detail: string) =>
  new Problem(428, 'Precondition Required', detail, { code: 'if-match-required' });
