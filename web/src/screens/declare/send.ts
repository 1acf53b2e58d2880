import { api } from '../../api/client';
import type { SendAnswer } from '../../lib/outbox';
import { isProblem } from '../../lib/problem';

/** The declaration routes: one POST each, with an Idempotency-Key. */
export type DeclarePath =
  '/v1/births' | '/v1/marriages' | '/v1/divorces' | '/v1/deaths' | '/v1/foetal-deaths' | '/v1/annulments';

/**
 * Sends one declaration (from a form, or from the outbox with the key it was saved with):
 * status 0 when no answer came (no link, the request cut), else the service's status, the new
 * record's id or its problem.
 */
export async function postDeclaration(path: DeclarePath, body: unknown, key: string): Promise<SendAnswer> {
  const init = { body, params: { header: { 'idempotency-key': key } } };
  // One call for six routes: each form builds the body its route's schema names (lib/declarations.ts).
  const answer = await api.POST(path, init as never).catch(() => undefined);
  if (!answer) return { status: 0 };
  const status = answer.response.status;
  const data = answer.data as { id?: string } | undefined;
  if (answer.response.ok) return { status, recordId: data?.id };
  return { status, problem: isProblem(answer.error) ? answer.error : { status } };
}

/** Whether the browser says it has no link (then the form does not even try). */
export const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
