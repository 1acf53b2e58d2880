/**
 * The certificate rules as plain functions: what a token may carry about people other than its
 * subjects, and the day a citizen's issue counts in.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The certified facts as the token (and so the QR code and the PDF) carries them: the NIN of a
 * person the certificate is not about (a birth's mother and father) is left out, their name kept,
 * unless the setting asks for it. A school that checks a child's birth certificate learns the
 * child's NIN, not the mother's. A person left with nothing (no name known) is left out whole.
 */
export function factsForToken(
  facts: Record<string, unknown>,
  subjects: readonly string[],
  includeOtherNins: boolean,
): Record<string, unknown> {
  if (includeOtherNins) return facts;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!isObject(value)) return value;
    if (typeof value.nin !== 'string' || subjects.includes(value.nin)) return value;
    const { nin: _nin, ...rest } = value;
    return rest;
  };
  return Object.fromEntries(
    Object.entries(facts)
      .map(([k, v]) => [k, strip(v)] as const)
      .filter(([, v]) => !isObject(v) || Object.keys(v).length > 0),
  );
}

/**
 * Where a certificate's health facts (a death's cause) go: printed on the paper when `print`
 * (DEATH_CERTIFICATE_SHOWS_CAUSE), and carried in the token only when `inToken` too
 * (DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE): the QR code is read offline by whoever holds the paper,
 * and a token never says more than the paper. Printed but not in the token, they are kept with
 * the certificate (`paper`) for the PDF.
 */
export function placeHealthFacts(
  facts: Record<string, unknown>,
  healthKeys: readonly string[],
  settings: { print: boolean; inToken: boolean },
): { token: Record<string, unknown>; paper?: Record<string, unknown> } {
  const health = Object.entries(facts).filter(([k, v]) => healthKeys.includes(k) && v !== undefined);
  if (health.length === 0 || (settings.print && settings.inToken)) return { token: facts };
  const token = Object.fromEntries(Object.entries(facts).filter(([k]) => !healthKeys.includes(k)));
  return settings.print ? { token, paper: Object.fromEntries(health) } : { token };
}

/** The UTC day a moment falls in, as `YYYY-MM-DD`: a citizen's daily limit counts per such day. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** Seconds from now to the next UTC midnight, when a citizen's daily count starts again (at least 1). */
export function secondsToNextUtcDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}
