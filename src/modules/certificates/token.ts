import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { RecordKind } from '../records/store';
import type { CertificateKeyring } from './keyring';

export interface CertificateInput {
  issuer: string;
  id: string;
  kind: RecordKind;
  /** The kind's credential type (its contract's `certificate.type`). */
  credentialType: string;
  subjectNin: string;
  registrationNumber: string;
  registeredAt: string;
  /** The client a certificate was issued to (`aud`), when one obtained it. */
  audience?: string;
  /** Which certified copy of the record: the holder and a verifier see it is, say, the second. */
  copyNumber: number;
  facts: Record<string, unknown>;
  statusIndex: number;
  statusListUrl: string;
  issuedAt: Date;
  expiresAt: Date;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The claims of a certificate: a W3C Verifiable Credential 2.0 secured with JOSE (VC-JOSE-COSE),
 * where the credential is the claims set; `iss`, `sub`, `jti`, `iat`, `nbf` and `exp` repeat what
 * it says for verifiers that read JWTs only. It carries the certified facts and nothing else.
 */
export function credentialClaims(c: CertificateInput) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', c.credentialType],
    issuer: c.issuer,
    // The QR code carries the token, so what JWT claims say already (jti, iat, exp) is not repeated as id, validFrom, validUntil.
    // The subject is `sub` (its NIN); `credentialSubject.id` would say it twice in a QR code already near its capacity.
    credentialSubject: {
      kind: c.kind,
      registrationNumber: c.registrationNumber,
      registeredAt: c.registeredAt.slice(0, 10),
      copyNumber: c.copyNumber,
      ...c.facts,
    },
    credentialStatus: {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(c.statusIndex),
      statusListCredential: c.statusListUrl,
    },
    iss: c.issuer,
    sub: c.subjectNin,
    ...(c.audience ? { aud: c.audience } : {}),
    jti: c.id,
    iat: seconds(c.issuedAt),
    nbf: seconds(c.issuedAt),
    exp: seconds(c.expiresAt),
  };
}

export type CertificateClaims = ReturnType<typeof credentialClaims>;

/** A compact JWS: ES256, the key's `kid`, `typ: vc+jwt`. */
export function signCredential(claims: object, signer: { kid: string; privateKey: KeyObject }): string {
  return jwt.sign(claims, signer.privateKey, {
    algorithm: 'ES256',
    keyid: signer.kid,
    header: { alg: 'ES256', typ: 'vc+jwt' },
  });
}

export type TokenCheck =
  | { ok: true; claims: CertificateClaims; kid: string }
  | {
      ok: false;
      reason:
        | 'malformed'
        | 'wrong-algorithm'
        | 'wrong-type'
        | 'unknown-key'
        | 'bad-signature'
        | 'wrong-issuer'
        | 'expired'
        | 'not-yet-valid';
    };

/**
 * Checks a certificate token: its form, ES256 and nothing else, a key of ours that still verifies
 * (not withdrawn, not past its end), the signature, the issuer and the dates.
 */
export async function checkToken(token: string, keyring: CertificateKeyring, issuer: string): Promise<TokenCheck> {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') return { ok: false, reason: 'malformed' };
  const { alg, kid, typ } = decoded.header;
  if (alg !== 'ES256') return { ok: false, reason: 'wrong-algorithm' };
  if (typ !== 'vc+jwt') return { ok: false, reason: 'wrong-type' };
  const key = typeof kid === 'string' ? await keyring.verifier(kid) : undefined;
  if (!key || !kid) return { ok: false, reason: 'unknown-key' };
  try {
    const claims = jwt.verify(token, key, { algorithms: ['ES256'], issuer }) as CertificateClaims;
    if (
      typeof claims.jti !== 'string' ||
      typeof claims.sub !== 'string' ||
      typeof claims.credentialSubject !== 'object'
    )
      return { ok: false, reason: 'malformed' };
    return { ok: true, claims, kid };
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) return { ok: false, reason: 'expired' };
    if (err instanceof jwt.NotBeforeError) return { ok: false, reason: 'not-yet-valid' };
    if (err instanceof jwt.JsonWebTokenError && err.message.startsWith('jwt issuer invalid'))
      return { ok: false, reason: 'wrong-issuer' };
    return { ok: false, reason: 'bad-signature' };
  }
}
