import { z } from '../../http/zod';
import { nin, publicJwkView, reason, recordId } from '../common/schemas';
import { CERTIFICATE_LANGUAGES, PAGE_LANGUAGES } from './languages';
import { certificateIdOf } from './ids';

const language = z.enum(CERTIFICATE_LANGUAGES).openapi({
  description:
    'One or two of ar (Arabic), ckb (Sorani Kurdish, Arabic script) and en (English), the first on the right of the page',
});

/** A certificate number as typed (case, spaces and hyphens ignored), read as the number printed. */
export const certificateId = z
  .string()
  .max(64)
  .transform((text, ctx) => {
    const id = certificateIdOf(text);
    if (!id)
      ctx.addIssue({ code: 'custom', message: 'is not a certificate number (check it: a symbol may be mistyped)' });
    return id ?? z.NEVER;
  })
  .openapi({
    type: 'string',
    description:
      "The certificate's number as printed (Crockford's Base32, four groups of four and a check symbol; case, spaces and hyphens ignored, O read as 0, I and L as 1), or the `c_` id of a certificate issued before the numbers",
    example: 'B8Y9-3R3X-5D4F-D8E3-C',
  });

export const certificateParams = z.object({ id: certificateId }).strict();

export const CIVIL_STATUS_EXTRACT = 'civil-status-extract';

export const issueBody = z
  .object({
    recordId: recordId.optional().openapi({ description: 'The registered record to certify' }),
    nin: nin.optional().openapi({ description: 'With `document`: the person whose civil-status extract to issue' }),
    document: z
      .literal(CIVIL_STATUS_EXTRACT)
      .optional()
      .openapi({ description: 'With `nin`: a civil-status extract (صورة قيد) of the person, instead of a record' }),
    language: language.optional().openapi({
      description:
        "The certificate's languages; by default the office's: CERTIFICATE_LANGUAGE_KURDISTAN_REGION (ar-ckb) in the Kurdistan Region's governorates, CERTIFICATE_LANGUAGE_DEFAULT (ar-en) elsewhere",
    }),
    purpose: z.string().trim().min(3).max(200).optional().openapi({
      description:
        "A sectoral client's (required for one): what it obtains the certificate for, as the person's consent names it; `notified-record` for a record the client notified itself",
    }),
  })
  .strict()
  .openapi('IssueCertificate', {
    description:
      'Either `recordId` (a certificate of a registered record), or `nin` with `document: civil-status-extract`',
    example: { recordId: 'r_3q2Zk8mW1xYbN4fT7vLh9A', language: 'ar-en' },
  })
  .superRefine((b, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (b.recordId !== undefined) {
      if (b.nin !== undefined || b.document !== undefined)
        problem('recordId', 'give either recordId, or nin with document: civil-status-extract, not both');
      return;
    }
    if (b.nin === undefined) problem('nin', 'required: give recordId, or nin with document: civil-status-extract');
    if (b.document === undefined) problem('document', 'required with nin: civil-status-extract');
  });

/** A certificate as issued; `kind` is the enum of the registry's kinds. */
export const certificateView = (kind: z.ZodType<string>) =>
  z
    .object({
      id: certificateId,
      recordId: recordId.optional().openapi({ description: 'The record certified; absent for a civil-status extract' }),
      kind: z.union([kind, z.literal(CIVIL_STATUS_EXTRACT)]),
      subjectNin: nin,
      registrationNumber: z.string(),
      copyNumber: z
        .number()
        .int()
        .min(1)
        .openapi({ description: 'Which certified copy of the record: 1 for the first issue, then 2, 3…' }),
      language,
      token: z
        .string()
        .openapi({ description: 'Compact JWS (ES256, typ vc+jwt): a W3C Verifiable Credential 2.0 secured with JOSE' }),
      qr: z.string().optional().openapi({
        description:
          "What the QR code carries: the same credential secured with COSE (COSE_Sign1, typ application/vc+cose), zlib-compressed, Base45, after 'CR1:'; POST /v1/certificates/verification takes it as `token`",
      }),
      status: z.enum(['valid', 'revoked', 'superseded', 'expired']),
      issuedAt: z.string(),
      expiresAt: z.string(),
      kid: z.string(),
      verifyUrl: z.string(),
      pdfUrl: z.string(),
      revocation: z.object({ at: z.string(), reason: z.string() }).optional(),
    })
    .openapi('Certificate');

export const verifyBody = z
  .object({ token: z.string().min(1).max(16_384) })
  .strict()
  .openapi('VerifyCertificate');

const personName = z
  .object({ givenName: z.string(), fatherName: z.string(), grandfatherName: z.string() })
  .passthrough();

export const verificationView = z
  .object({
    valid: z.boolean(),
    status: z.enum(['valid', 'revoked', 'superseded', 'invalid']),
    reason: z.string().optional().openapi({
      description:
        'Why it is not valid, as a code: bad-signature, unknown-key, expired, record-voided, revoked-by-registrar, record-corrected, …',
    }),
    certificate: z
      .object({
        id: z.string(),
        kind: z.string(),
        registrationNumber: z.string(),
        registeredAt: z.string().optional(),
        copyNumber: z.number().int().optional(),
        subjectNin: z.string(),
        subjectName: personName.optional(),
        issuedAt: z.string(),
        expiresAt: z.string(),
        facts: z.record(z.string(), z.unknown()).optional(),
        revokedAt: z.string().optional(),
        newerExists: z.boolean().optional(),
      })
      .optional(),
  })
  .openapi('CertificateVerification');

export const jwksView = z
  .object({
    keys: z.array(publicJwkView),
  })
  .openapi('JsonWebKeySet');

export const statusListParams = z
  .object({ list: z.string().regex(/^[1-9]\d{0,5}$/, 'is not a status list number') })
  .strict();
/** The page's id is any text: a mistyped number gets the page that says so, not a 400. */
export const verifyPageParams = z
  .object({ id: z.string().max(512).openapi({ example: 'B8Y9-3R3X-5D4F-D8E3-C' }) })
  .strict();
/** The page's languages: by default the certificate's; `lang` puts the one asked first. */
const pageLang = z
  .enum(PAGE_LANGUAGES)
  .optional()
  .openapi({ description: 'The language the page speaks first (ar, ckb or en); by default the certificate’s' });
export const verifyPageByIdQuery = z.object({ lang: pageLang }).strict();
export const verifyPageQuery = z
  .object({
    token: z.string().min(1).max(16_384).optional().openapi({ description: 'The token or the QR code’s text' }),
    number: z.string().max(512).optional().openapi({
      description: 'A certificate number as typed off the paper (case, spaces and hyphens ignored)',
      example: 'b8y9 3r3x 5d4f d8e3 c',
    }),
    lang: pageLang,
  })
  .strict();
export const revokeBody = z.object({ reason }).strict().openapi('RevokeCertificate');
