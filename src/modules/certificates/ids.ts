import { randomBytes } from 'node:crypto';
import { checkSymbolOf, encodeCrockford, grouped, readCrockford } from '../../lib/crockford';

/**
 * Certificate numbers: what the paper prints, a clerk types and the verification link names.
 * 80 random bits in Crockford's Base32 (16 symbols) and its check symbol, in groups of four:
 * `B8Y9-3R3X-5D4F-D8E3-C`. Unguessable (the public verification page names the holder, so no one
 * may walk the numbers: 2^80 of them, the check symbol adds nothing to guess), and typed back with
 * case, spaces and hyphens ignored and O, I, L read as 0, 1, 1. Certificates issued before these
 * numbers keep their ids (`c_` and 22 base64url characters, 128 bits) and are found by them.
 */
const SYMBOLS = 16;
const BYTES = 10;
const LEGACY = /^c_[A-Za-z0-9_-]{22}$/;

const numberOf = (value: bigint) => grouped(encodeCrockford(value, SYMBOLS) + checkSymbolOf(value));
const valueOfBytes = (bytes: Buffer) => BigInt(`0x${bytes.toString('hex')}`);

/**
 * A new certificate number. Its check symbol is always a letter or digit: a value whose check
 * would be one of Crockford's five extra symbols (* ~ $ = U) is drawn again, so the number never
 * holds a character that is awkward in a link or on a keyboard (at a cost of 0.2 bits).
 */
export function newCertificateId(): string {
  for (;;) {
    const value = valueOfBytes(randomBytes(BYTES));
    if (value % 37n < 32n) return numberOf(value);
  }
}

/** The certificate id a typed number stands for (as printed), or undefined when it is none (or mistyped). */
export function certificateIdOf(text: string): string | undefined {
  if (LEGACY.test(text)) return text;
  const read = readCrockford(text, SYMBOLS);
  return read && numberOf(read.value);
}

/** The id's bytes, for the QR code's CWT (`cti`): 10 for a number, 16 for an id from before them. */
export function idBytes(id: string): Buffer {
  if (LEGACY.test(id)) return Buffer.from(id.slice(2), 'base64url');
  const read = readCrockford(id, SYMBOLS);
  if (!read) throw new Error(`internal error: ${id} is not a certificate id`);
  return Buffer.from(read.value.toString(16).padStart(2 * BYTES, '0'), 'hex');
}

/** The id of a CWT's `cti`, or undefined when it is of neither length. */
export function idOfBytes(bytes: Buffer): string | undefined {
  if (bytes.length === 16) return `c_${bytes.toString('base64url')}`;
  if (bytes.length === BYTES) return numberOf(valueOfBytes(bytes));
  return undefined;
}
