import { Problem, withClientView, type ClientView } from '../../http/problem';

/**
 * What a sectoral client is told when what it sent does not fit the registry's record of a
 * person: one answer for every such rule (a death before the birth, a second death, a mother
 * recorded as male, a mother too young) and for a NIN the registry does not know, so that the
 * answer tells neither the person's data nor whether the NIN exists.
 */
export const REGISTRY_MISMATCH: ClientView = {
  status: 422,
  code: 'registry-mismatch',
  detail:
    "The registry cannot accept this for the person the NIN names: check the NIN and the dates against the person's documents. A civil registry office can tell you more (quote this answer's X-Request-Id).",
};

/**
 * Runs checks of a client's facts against the registry's people: every rule violation they
 * throw that has no client view of its own (so every rule added later too) answers a client as
 * REGISTRY_MISMATCH. Staff still see the rule's own code and detail.
 */
export async function checkedAgainstRegistry<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof Problem && !err.extra.client && (err.status === 409 || err.status === 422))
      throw withClientView(err, REGISTRY_MISMATCH);
    throw err;
  }
}
