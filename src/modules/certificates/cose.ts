import { sign, verify, type KeyObject } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import cborLib from 'cbor';
import { decodeBase45, encodeBase45 } from '../../lib/base45';
import type { CertificateKeyring } from './keyring';
import type { CertificateClaims, TokenCheck } from './token';
import { statusListUrl } from './status-list';
import { idBytes, idOfBytes } from './ids';

/**
 * The certificate as its QR code carries it: the same W3C Verifiable Credential as the `vc+jwt`
 * token, secured with COSE instead of JOSE (VC-JOSE-COSE): a COSE_Sign1 (RFC 9052) whose payload
 * is a CWT (RFC 8392), compressed with zlib and written in Base45 (RFC 9285) after the prefix
 * `CR1:`, as the EU Digital COVID Certificate does with `HC1:`. Base45 is the QR code's
 * alphanumeric mode, and CBOR with zlib is about half the JWT: the code stays near version 15
 * and a phone reads it off a photocopy.
 *
 * - Protected header: alg -7 (ES256), kid: the first 8 bytes of the signing key's RFC 7638
 *   thumbprint (the JWKS `kid`, base64url-decoded), typ (16) `application/vc+cose`.
 * - Payload, a CWT claims set: iss 1, sub 2 (the NIN), aud 3 (a client's issue), exp 4, nbf 5,
 *   iat 6 (nbf 5 only where it is not iat), cti 7 (the certificate number's 10 bytes, ids.ts; 16 for an id from before the numbers), and three claims of
 *   the credential: -1 its type (`BirthCertificate`), -2 its `credentialSubject` with the field
 *   names of FIELDS as small integers (other names as they are) and its dates as RFC 8943 days
 *   (tag 100), -3 its status list index. What
 *   the credential says beside them is fixed and put back by a verifier: `@context` (VC 2.0),
 *   `issuer` (iss) and the `BitstringStatusListEntry` for revocation at
 *   `<iss>/v1/status-lists/<index / 131072 + 1>`.
 * - Signature: ES256 over the COSE Sig_structure, r and s as 32 bytes each.
 */
export const QR_PREFIX = 'CR1:';
const ES256 = -7;
const COSE_SIGN1 = 18;
const HEADER = { alg: 1, kid: 4, typ: 16 } as const;
const CLAIM = { iss: 1, sub: 2, aud: 3, exp: 4, nbf: 5, iat: 6, cti: 7 } as const;
const TYP = 'application/vc+cose';
const VC = { type: -1, subject: -2, statusIndex: -3 } as const;

/**
 * The credential's field names by number in the QR code (1 for `givenName`…): append only, for a
 * verifier that reads an older certificate reads it with today's list. A name not listed is
 * written as itself.
 */
export const FIELDS = [
  'givenName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'latin',
  'name',
  'nin',
  'sex',
  'dateOfBirth',
  'placeOfBirth',
  'governorate',
  'facility',
  'district',
  'kind',
  'registrationNumber',
  'registeredAt',
  'copyNumber',
  'child',
  'mother',
  'father',
  'partyA',
  'partyB',
  'parties',
  'dateOfMarriage',
  'placeOfMarriage',
  'marriageRegistrationNumber',
  'dateOfDivorce',
  'divorceType',
  'placeOfDivorce',
  'deceased',
  'dateOfDeath',
  'placeOfDeath',
  'causeOfDeathIcd10',
  'causeOfDeathText',
  'courtReference',
  'correctedByCourtOrder',
  'court',
  'reference',
  'date',
  'motherName',
  'familyRegister',
  'maritalStatus',
  'lifeStatus',
  'birthRegistration',
  'maritalStatusRegistration',
  'deathRegistration',
  'dateOfDelivery',
  'placeOfDelivery',
  'weightGrams',
  'gestationWeeks',
  'dateOfJudgment',
  'ground',
] as const;
const FIELD_NUMBER = new Map<string, number>(FIELDS.map((f, i) => [f, i + 1]));

/** RFC 8943: a full date as days since 1970-01-01 (tag 100), 4 bytes where its text takes 11. */
const DAYS = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A JSON value with its object keys numbered (FIELDS), as a CBOR map; dates as days (tag 100). */
function numbered(value: unknown): unknown {
  if (typeof value === 'string' && DATE.test(value))
    return new Tag(DAYS, Date.parse(`${value}T00:00:00Z`) / 86_400_000);
  if (Array.isArray(value)) return value.map(numbered);
  if (typeof value !== 'object' || value === null) return value;
  return new Map(Object.entries(value).map(([k, v]) => [FIELD_NUMBER.get(k) ?? k, numbered(v)]));
}

/** The inverse of `numbered`: CBOR maps back into JSON objects with their field names. */
function named(value: unknown): unknown {
  if (value instanceof Tag && value.tag === DAYS && typeof value.value === 'number')
    return new Date(value.value * 86_400_000).toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(named);
  if (typeof value === 'object' && value !== null && !(value instanceof Map) && !Buffer.isBuffer(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, named(v)]));
  if (!(value instanceof Map)) return value;
  return Object.fromEntries(
    [...value].map(([k, v]) => [typeof k === 'number' ? (FIELDS[k - 1] ?? String(k)) : String(k), named(v)]),
  );
}

const { Tagged: Tag } = cborLib;
/** CBOR (RFC 8949) with the `cbor` library: JS Maps keep integer keys; a decoded map with text keys only is an object. */
const cbor = { encode: (value: unknown) => cborLib.encode(value) };
const reader = { decode: (bytes: Buffer): unknown => cborLib.decodeFirstSync(bytes) };

/** The first 8 bytes of a kid (a base64url RFC 7638 thumbprint): what the QR code names its key by. */
export const shortKid = (kid: string) => Buffer.from(kid, 'base64url').subarray(0, 8);

const sigStructure = (protectedHeader: Buffer, payload: Buffer) =>
  cbor.encode(['Signature1', protectedHeader, Buffer.alloc(0), payload]);

/** The QR code's text for a certificate's claims (those of its `vc+jwt` token), signed with the same key. */
export function qrCredential(claims: CertificateClaims, signer: { kid: string; privateKey: KeyObject }): string {
  const { iss, sub, jti, iat, nbf, exp } = claims;
  const aud = (claims as { aud?: string }).aud;
  const cwt = new Map<number, unknown>([
    [CLAIM.iss, iss],
    [CLAIM.sub, sub],
    ...(aud ? ([[CLAIM.aud, aud]] as const) : []),
    [CLAIM.exp, exp],
    // nbf is iat on every certificate: written only where it differs.
    ...(nbf !== iat ? ([[CLAIM.nbf, nbf]] as const) : []),
    [CLAIM.iat, iat],
    [CLAIM.cti, idBytes(jti)],
    [VC.type, claims.type[1]],
    [VC.subject, numbered(claims.credentialSubject)],
    [VC.statusIndex, Number(claims.credentialStatus.statusListIndex)],
  ]);
  const protectedHeader = cbor.encode(
    new Map<number, unknown>([
      [HEADER.alg, ES256],
      [HEADER.kid, shortKid(signer.kid)],
      [HEADER.typ, TYP],
    ]),
  );
  const payload = cbor.encode(cwt);
  const signature = sign('sha256', sigStructure(protectedHeader, payload), {
    key: signer.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  const message = cbor.encode(new Tag(COSE_SIGN1, [protectedHeader, new Map(), payload, signature]));
  return QR_PREFIX + encodeBase45(deflateSync(message, { level: 9 }));
}

export const isQrCredential = (text: string) => text.startsWith(QR_PREFIX);

type Reason = Extract<TokenCheck, { ok: false }>['reason'];
const refused = (reason: Reason): TokenCheck => ({ ok: false, reason });

/** The COSE_Sign1 inside a QR code's text, or undefined when the text is not one (a malformed QR). */
function openQr(text: string): { protectedHeader: Buffer; payload: Buffer; signature: Buffer } | undefined {
  try {
    const compressed = decodeBase45(text.slice(QR_PREFIX.length));
    if (!compressed) return undefined;
    const message = reader.decode(inflateSync(compressed, { maxOutputLength: 64 * 1024 }));
    const parts = message instanceof Tag && message.tag === COSE_SIGN1 ? (message.value as unknown) : message;
    if (!Array.isArray(parts) || parts.length !== 4) return undefined;
    const [protectedHeader, , payload, signature] = parts as unknown[];
    if (!Buffer.isBuffer(protectedHeader) || !Buffer.isBuffer(payload) || !Buffer.isBuffer(signature)) return undefined;
    return { protectedHeader, payload, signature };
  } catch {
    return undefined;
  }
}

/**
 * Checks a QR code's text as `checkToken` checks a token: its form, ES256 and nothing else, a key
 * of ours that still verifies, the signature, the issuer and the dates; and answers the same
 * claims the token would carry, so verification goes on as for a token.
 */
export async function checkQrCredential(
  text: string,
  keyring: CertificateKeyring,
  issuer: string,
  now = new Date(),
): Promise<TokenCheck> {
  const opened = openQr(text);
  if (!opened) return refused('malformed');
  let header: Map<number, unknown>;
  let cwt: Map<number | string, unknown>;
  try {
    header = reader.decode(opened.protectedHeader) as Map<number, unknown>;
    cwt = reader.decode(opened.payload) as Map<number | string, unknown>;
  } catch {
    return refused('malformed');
  }
  if (!(header instanceof Map) || !(cwt instanceof Map)) return refused('malformed');
  if (header.get(HEADER.alg) !== ES256) return refused('wrong-algorithm');
  if (header.get(HEADER.typ) !== TYP) return refused('wrong-type');
  const short = header.get(HEADER.kid);
  const found = Buffer.isBuffer(short) ? await keyring.verifierByShortKid(short, now) : undefined;
  if (!found) return refused('unknown-key');
  const signed = sigStructure(opened.protectedHeader, opened.payload);
  if (!verify('sha256', signed, { key: found.key, dsaEncoding: 'ieee-p1363' }, opened.signature))
    return refused('bad-signature');
  const claims = claimsOf(cwt);
  if (!claims) return refused('malformed');
  if (claims.iss !== issuer) return refused('wrong-issuer');
  const seconds = Math.floor(now.getTime() / 1000);
  if (claims.exp <= seconds) return refused('expired');
  if (claims.nbf > seconds) return refused('not-yet-valid');
  return { ok: true, claims, kid: found.kid };
}

/** The token's claims from a CWT's: the registered claims by number, the credential put back whole. */
function claimsOf(cwt: Map<number | string, unknown>): CertificateClaims | undefined {
  const text = (key: number) => (typeof cwt.get(key) === 'string' ? (cwt.get(key) as string) : undefined);
  const number = (key: number) => (typeof cwt.get(key) === 'number' ? (cwt.get(key) as number) : undefined);
  const cti = cwt.get(CLAIM.cti);
  const [iss, sub, aud, type] = [text(CLAIM.iss), text(CLAIM.sub), text(CLAIM.aud), text(VC.type)];
  const [exp, iat, index] = [number(CLAIM.exp), number(CLAIM.iat), number(VC.statusIndex)];
  const nbf = number(CLAIM.nbf) ?? iat;
  const subject = named(cwt.get(VC.subject));
  if (!iss || !sub || !type || exp === undefined || nbf === undefined || iat === undefined || index === undefined)
    return undefined;
  const jti = Buffer.isBuffer(cti) ? idOfBytes(cti) : undefined;
  if (!jti || typeof subject !== 'object' || subject === null) return undefined;
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', type],
    issuer: iss,
    credentialSubject: subject as CertificateClaims['credentialSubject'],
    credentialStatus: {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: statusListUrl(iss, index),
    },
    iss,
    sub,
    ...(aud ? { aud } : {}),
    jti,
    iat,
    nbf,
    exp,
  };
}
