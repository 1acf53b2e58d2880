import type { PersonName } from '../persons/store';
import type { CertificateKeyring } from './keyring';
import type { CertificateCache } from './cache';
import type { CertificateDoc } from './store';
import { standingOf } from './commands';
import { checkToken, type CertificateClaims } from './token';
import { checkQrCredential, isQrCredential } from './cose';

export type VerificationStatus = 'valid' | 'revoked' | 'superseded' | 'invalid';

export interface Verification {
  valid: boolean;
  status: VerificationStatus;
  /** Why it is not valid, as a code: `bad-signature`, `unknown-key`, `expired`, `record-voided`, … */
  reason?: string;
  certificate?: {
    id: string;
    kind: string;
    registrationNumber: string;
    registeredAt?: string;
    subjectNin: string;
    subjectName?: PersonName;
    issuedAt: string;
    expiresAt: string;
    /** The certified facts: for a valid certificate, or a superseded one (what was true when issued). */
    facts?: Record<string, unknown>;
    revokedAt?: string;
    /** Superseded: the record was corrected after issue; a newer certificate says what is true now. */
    newerExists?: boolean;
  };
}

/** The name of the person with this NIN among the facts (the child, a party, the deceased). */
export function nameIn(facts: unknown, nin: string): PersonName | undefined {
  if (Array.isArray(facts)) return facts.map((f) => nameIn(f, nin)).find(Boolean);
  if (typeof facts !== 'object' || facts === null) return undefined;
  const o = facts as Record<string, unknown>;
  if (o.nin === nin && typeof o.name === 'object' && o.name !== null) return o.name as PersonName;
  return Object.values(o)
    .map((v) => nameIn(v, nin))
    .find(Boolean);
}

/**
 * Verifies a certificate token: signature, key, issuer and dates (offline checks anyone can make
 * with the JWKS), then its standing in the registry now. Invalid tokens get no facts back.
 */
export async function verifyCertificate(
  deps: { certificates: CertificateCache; keyring: CertificateKeyring; issuer: string },
  token: string,
): Promise<Verification> {
  // The API's vc+jwt token, or the QR code's COSE text: the same credential, checked the same way.
  const check = isQrCredential(token)
    ? await checkQrCredential(token, deps.keyring, deps.issuer)
    : await checkToken(token, deps.keyring, deps.issuer);
  if (!check.ok) return { valid: false, status: 'invalid', reason: check.reason };
  const doc = await deps.certificates.get(check.claims.jti);
  // Signed by a key of ours, yet not one of our certificates (or not this token): not genuine.
  if (!doc || (doc.token !== token && doc.qr !== token))
    return { valid: false, status: 'invalid', reason: 'unknown-certificate' };
  return standingAnswer(doc, check.claims);
}

function standingAnswer(doc: CertificateDoc, claims: CertificateClaims): Verification {
  const { kind, registrationNumber, registeredAt, copyNumber, ...facts } = claims.credentialSubject;
  const summary = {
    id: doc._id,
    kind,
    registrationNumber,
    registeredAt,
    copyNumber,
    subjectNin: doc.subjectNin,
    subjectName: nameIn(facts, doc.subjectNin),
    issuedAt: doc.issuedAt,
    expiresAt: doc.expiresAt,
  };
  const standing = standingOf(doc);
  if (standing === 'revoked') {
    const { subjectName: _name, ...bare } = summary;
    // The reason as a code only: the registrar's words ("Suspected fraud: ...") are for staff, who
    // read them on the certificate; whoever holds the token (a school, a bank) learns no more.
    return {
      valid: false,
      status: 'revoked',
      reason: doc.revoked?.by === 'record-voided' ? 'record-voided' : 'revoked-by-registrar',
      certificate: { ...bare, revokedAt: doc.revoked?.at },
    };
  }
  if (standing === 'superseded')
    return {
      valid: false,
      status: 'superseded',
      // An extract is superseded by any change of the person's entry, a record's certificate by a correction.
      reason: doc.recordId ? 'record-corrected' : 'entry-changed',
      certificate: { ...summary, facts, newerExists: true },
    };
  if (standing === 'expired') return { valid: false, status: 'invalid', reason: 'expired' };
  return { valid: true, status: 'valid', certificate: { ...summary, facts } };
}
