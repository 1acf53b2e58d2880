/**
 * Text a registrar can trust, and that hashes as it is stored: every string that comes in is
 * well-formed Unicode (no lone surrogate, which a database would store as U+FFFD, so that an
 * entry's hash would never verify again), holds no control character and no invisible format
 * character (bidirectional overrides and marks, BOM, zero-width joiner and space: they could
 * reorder or hide a certificate's text), and is normalised to NFC before it is hashed or stored.
 *
 * The zero-width non-joiner (U+200C) stays allowed: Kurdish and Persian spelling needs it.
 */
const FORBIDDEN = /(?!\u200C)[\p{Cc}\p{Cf}]/u;

export interface TextProblem {
  path: string;
  message: string;
}

/** Deeper than any body the API takes: deeper input is refused, not walked. */
const MAX_DEPTH = 32;

/** The value with every string NFC-normalised, or the first string that is refused and why. */
export function cleanText(value: unknown, path: string, depth = 0): { value: unknown } | { problem: TextProblem } {
  if (depth > MAX_DEPTH) return { problem: { path, message: `is nested more than ${MAX_DEPTH} levels deep` } };
  if (typeof value === 'string') {
    if (!value.isWellFormed())
      return { problem: { path, message: 'is not well-formed Unicode (it holds a lone surrogate)' } };
    const bad = FORBIDDEN.exec(value);
    if (bad)
      return {
        problem: {
          path,
          message: `holds the invisible or control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
        },
      };
    return { value: value.normalize('NFC') };
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const [i, item] of value.entries()) {
      const r = cleanText(item, `${path}.${i}`, depth + 1);
      if ('problem' in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const k = cleanText(key, `${path}.${key}`);
      if ('problem' in k) return k;
      const r = cleanText(item, `${path}.${key}`, depth + 1);
      if ('problem' in r) return r;
      // defineProperty: a "__proto__" key stays a key (and is refused by the strict schemas).
      Object.defineProperty(out, k.value as string, {
        value: r.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return { value: out };
  }
  return { value };
}
