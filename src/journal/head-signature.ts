import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './hash';

/** The journal's head at one moment, signed: `{seq, hash, at}` with ES256 by the key `kid`. */
export interface SignedHead {
  seq: number;
  hash: string;
  /** When it was signed (ISO 8601 UTC). */
  at: string;
  /** base64url of the ES256 signature (r || s, 64 bytes, as in JWS) of the signed bytes. */
  signature: string;
  kid: string;
}

/**
 * The bytes signed: the canonical JSON of `{at, hash, seq}` (keys sorted, no whitespace), e.g.
 * `{"at":"2026-05-02T10:00:00.000Z","hash":"9f…","seq":1200}`. Anyone can rebuild them and check
 * the signature with the published public key and any ES256 library.
 */
export function signedBytes(head: { seq: number; hash: string; at: string }): Buffer {
  return Buffer.from(canonicalJson({ seq: head.seq, hash: head.hash, at: head.at }), 'utf8');
}

export function signHead(
  head: { seq: number; hash: string },
  signer: { kid: string; privateKey: KeyObject },
  at = new Date(),
): SignedHead {
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  const signature = sign('sha256', signedBytes(body), { key: signer.privateKey, dsaEncoding: 'ieee-p1363' }).toString(
    'base64url',
  );
  return { ...body, signature, kid: signer.kid };
}

/** Why this head's signature does not hold (unknown key, or not its signature), or undefined when it does. */
export function headSignatureProblem(head: SignedHead, trusted: ReadonlyMap<string, KeyObject>): string | undefined {
  const key = trusted.get(head.kid);
  if (!key) return `the head signed for seq ${head.seq} names key ${head.kid}, which is not a trusted journal key`;
  const signature = Buffer.from(head.signature, 'base64url');
  const holds =
    signature.length === 64 && verify('sha256', signedBytes(head), { key, dsaEncoding: 'ieee-p1363' }, signature);
  return holds ? undefined : `the head signed for seq ${head.seq} does not carry a valid signature of key ${head.kid}`;
}
