import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted, undefined members dropped, no whitespace.
 * The same value always gives the same bytes, whatever order the database returns fields in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const members = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${members.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** hash = SHA-256(canonical(entry without hash) || prevHash), as DESIGN.md defines it. */
export function entryHash(sealed: Record<string, unknown>, prevHash: string): string {
  return sha256Hex(canonicalJson(sealed) + prevHash);
}
