import { certificateIdOf } from './ids';
import { badRequest } from '../../http/problem';
import type { AccessLog } from '../access-log/access-log';
import { routesOf } from '../../http/route';
import { errorResponses } from '../common/responses';
import { findRecord, recordOffice } from '../records/commands';
import type { RecordSchemas } from '../records/schemas';
import type { CertificateDoc, RevocationStore } from './store';
import { pageLanguages, type Lang } from './languages';
import type { CertificateCache } from './cache';
import { ASK, verificationPage, type PageOutcome } from './page';
import { certificatePdf } from './pdf';
import {
  certificateParams,
  certificateView,
  issueBody,
  jwksView,
  revokeBody,
  statusListParams,
  verificationView,
  verifyBody,
  verifyPageByIdQuery,
  verifyPageParams,
  verifyPageQuery,
} from './schemas';
import {
  findCertificate,
  issueCertificate,
  requireReader,
  revokeCertificate,
  standingOf,
  type CertificateDeps,
} from './commands';
import { encodeStatusList, statusListClaims } from './status-list';
import { signCredential } from './token';
import { verifyCertificate } from './verification';
import { certificateWordsOf } from './extract';
import { issueExtract } from './extract-issue';
import { UNKNOWN_KIND } from './labels';

/** What these routes use. */
type RouteDeps = CertificateDeps & {
  certificateCache: CertificateCache;
  revocations: RevocationStore;
  accessLog: Pick<AccessLog, 'record'>;
};
const defineRoute = routesOf<RouteDeps>();

export function presentCertificate(base: string, doc: CertificateDoc) {
  return {
    id: doc._id,
    recordId: doc.recordId,
    kind: doc.kind,
    subjectNin: doc.subjectNin,
    registrationNumber: doc.registrationNumber,
    copyNumber: doc.copyNumber,
    language: doc.language,
    token: doc.token,
    ...(doc.qr ? { qr: doc.qr } : {}),
    status: standingOf(doc),
    issuedAt: doc.issuedAt,
    expiresAt: doc.expiresAt,
    kid: doc.kid,
    verifyUrl: `${base}/verify/${doc._id}`,
    pdfUrl: `${base}/v1/certificates/${doc._id}/pdf`,
    ...(doc.revoked ? { revocation: { at: doc.revoked.at, reason: doc.revoked.reason } } : {}),
  };
}

/** Everyone a certificate names (a birth's parents too), for the access log. */
async function namedIn(deps: RouteDeps, doc: CertificateDoc): Promise<string[]> {
  if (!doc.recordId) return [doc.subjectNin]; // an extract: the mother's name is printed, not her NIN
  const record = await findRecord(deps.records, doc.recordId);
  return [...new Set([...record.personNins, doc.subjectNin])];
}

const verifier = (deps: RouteDeps) => ({
  certificates: deps.certificateCache,
  keyring: deps.keyring,
  issuer: deps.config.PUBLIC_BASE_URL,
});

/** The page in the certificate's languages (a Kurdish one speaks Kurdish), or with the one asked first. */
async function page(deps: RouteDeps, v: PageOutcome | typeof ASK, asked: Lang | undefined, status = 200, typed = '') {
  const doc = v !== ASK && v.certificate ? await deps.certificateCache.get(v.certificate.id) : null;
  const languages = pageLanguages(doc?.language, asked);
  return {
    status,
    body: verificationPage(v, (kind) => certificateWordsOf(deps.kinds, kind), languages, typed),
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  };
}

/**
 * The page of a certificate number as typed: a malformed or mistyped one (its check symbol says
 * so) is looked up no more than an unknown one, and gets the page that says to check it, with
 * what was typed in the form to correct.
 */
async function pageOfNumber(deps: RouteDeps, typed: string, lang: Lang | undefined) {
  const id = certificateIdOf(typed);
  const doc = id ? await deps.certificates.get(id) : null;
  if (!doc) return page(deps, { valid: false, status: 'not-found' }, lang, 404, typed);
  return page(deps, await verifyCertificate(verifier(deps), doc.token), lang);
}

const html = {
  description: "The verification page, in the certificate's languages (Arabic and English by default)",
  mediaType: 'text/html',
};

/** The certificate routes; `kind` is the enum of the registry's kinds (the record schemas'). */
export function certificateRoutes({ kind }: Pick<RecordSchemas, 'kind'>) {
  const view = certificateView(kind);
  return [
    defineRoute({
      method: 'post',
      path: '/v1/certificates',
      operationId: 'issueCertificate',
      permission: 'certificates.issue',
      tag: 'Certificates',
      summary:
        'Issue a signed certificate of a registered record (a citizen: of their own records, CITIZEN_CERTIFICATES_PER_DAY a day)',
      body: issueBody,
      accessLog: true,
      responses: {
        201: { description: 'Issued', schema: view },
        // 422: a kind refuses a certificate of a sound record that it cannot be about (a stillbirth whose mother has no NIN).
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
      async handle({ body }, ctx) {
        const { deps } = ctx;
        const { language, purpose } = body;
        const entry = body.recordId
          ? await issueCertificate(deps, ctx, { recordId: body.recordId, language, purpose })
          : await issueExtract(deps, ctx, { nin: body.nin ?? '', language, purpose });
        const doc = await findCertificate(deps.certificates, entry.data.certificateId);
        const named = await namedIn(deps, doc);
        // A client's issue says in each person's access log what it obtained and why ("school
        // enrolment"), so it is logged here rather than by the route's plain entry.
        if (doc.audience)
          deps.accessLog.record(named, ctx.actor, 'POST /v1/certificates', {
            type: 'certificate.issued',
            ...(doc.recordId ? { recordId: doc.recordId } : {}),
            kind: doc.kind,
            ...(doc.purpose ? { purpose: doc.purpose } : {}),
          });
        return {
          status: 201,
          body: presentCertificate(deps.config.PUBLIC_BASE_URL, doc),
          headers: { Location: `/v1/certificates/${doc._id}` },
          named: doc.audience ? [] : named,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/certificates/{id}',
      operationId: 'getCertificate',
      permission: 'certificates.read',
      tag: 'Certificates',
      summary: 'A certificate, with its token and current status',
      params: certificateParams,
      accessLog: true,
      responses: {
        200: { description: 'The certificate', schema: view },
        ...errorResponses(400, 401, 403, 404),
      },
      async handle({ params }, ctx) {
        const doc = await findCertificate(ctx.deps.certificates, params.id);
        await requireReader(ctx.deps, ctx, doc);
        return {
          status: 200,
          body: presentCertificate(ctx.deps.config.PUBLIC_BASE_URL, doc),
          named: await namedIn(ctx.deps, doc),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/certificates/{id}/pdf',
      operationId: 'getCertificatePdf',
      permission: 'certificates.read',
      tag: 'Certificates',
      summary: 'The certificate as an A4 PDF in Arabic and English, with a QR code carrying the token',
      params: certificateParams,
      accessLog: true,
      responses: {
        200: { description: 'The PDF', mediaType: 'application/pdf' },
        ...errorResponses(400, 401, 403, 404),
      },
      async handle({ params }, ctx) {
        const doc = await findCertificate(ctx.deps.certificates, params.id);
        await requireReader(ctx.deps, ctx, doc);
        const pdf = await certificatePdf(
          doc,
          certificateWordsOf(ctx.deps.kinds, doc.kind) ?? UNKNOWN_KIND,
          ctx.deps.config.PUBLIC_BASE_URL,
        );
        return {
          status: 200,
          body: pdf,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': `inline; filename="${doc.registrationNumber}-${doc._id}.pdf"`,
          },
          named: await namedIn(ctx.deps, doc),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/certificates/{id}/revocation',
      operationId: 'revokeCertificate',
      permission: 'certificates.revoke',
      tag: 'Certificates',
      summary: 'Revoke a certificate, with a reason: it verifies as revoked from now on',
      params: certificateParams,
      // Revocation is for the staff of the certificate's record's office (policy.ts, OFFICE_BOUND).
      officeOf: async ({ id }, deps) => {
        const doc = await findCertificate(deps.certificates, id);
        return doc.recordId ? recordOffice(deps.records, doc.recordId) : (doc.office ?? '');
      },
      body: revokeBody,
      responses: { 200: { description: 'Revoked', schema: view }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ params, body }, ctx) {
        const doc = await revokeCertificate(ctx.deps, ctx, params.id, body.reason);
        return { status: 200, body: presentCertificate(ctx.deps.config.PUBLIC_BASE_URL, doc) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/certificates/verification',
      operationId: 'verifyCertificate',
      permission: 'certificates.verify',
      tag: 'Certificates',
      summary: 'Check a certificate token: valid, revoked, superseded or invalid; the facts only for a genuine one',
      body: verifyBody,
      rateLimit: (c) => c.RATE_LIMIT_VERIFY_PER_MINUTE,
      responses: { 200: { description: 'The verdict', schema: verificationView }, ...errorResponses(400, 429) },
      async handle({ body }, { deps }) {
        return { status: 200, body: await verifyCertificate(verifier(deps), body.token) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      operationId: 'getCertificateKeys',
      permission: 'certificates.verify',
      tag: 'Certificates',
      summary:
        'The public keys that verify certificates (active and retired, not withdrawn), to keep for offline checks',
      rateLimit: (c) => c.RATE_LIMIT_VERIFY_PER_MINUTE,
      responses: { 200: { description: 'The key set', schema: jwksView }, ...errorResponses(429) },
      async handle(_input, { deps }) {
        return {
          status: 200,
          body: { keys: await deps.keyring.jwks() },
          headers: { 'Cache-Control': 'public, max-age=300' },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/status-lists/{list}',
      operationId: 'getStatusList',
      permission: 'certificates.verify',
      tag: 'Certificates',
      summary: 'A W3C Bitstring Status List credential (revocation), as a signed vc+jwt',
      params: statusListParams,
      rateLimit: (c) => c.RATE_LIMIT_VERIFY_PER_MINUTE,
      responses: {
        200: { description: 'The status list credential', mediaType: 'application/vc+jwt' },
        ...errorResponses(400, 429),
      },
      async handle({ params }, { deps }) {
        const revoked = await deps.revocations.list({ list: params.list });
        const base = deps.config.PUBLIC_BASE_URL;
        const claims = statusListClaims(
          base,
          `${base}/v1/status-lists/${params.list}`,
          encodeStatusList(revoked.map((r) => r.index)),
        );
        const token = signCredential(claims, await deps.keyring.signer());
        return {
          status: 200,
          body: token,
          headers: { 'Content-Type': 'application/vc+jwt', 'Cache-Control': 'public, max-age=300' },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/verify/{id}',
      operationId: 'verificationPageById',
      permission: 'certificates.verify',
      tag: 'Certificates',
      summary:
        'The verification page of a certificate by its id (the link printed on it); 404 and a page that says to check the number when no certificate has it',
      params: verifyPageParams,
      query: verifyPageByIdQuery,
      rateLimit: (c) => c.RATE_LIMIT_VERIFY_PER_MINUTE,
      responses: { 200: html, 404: html, ...errorResponses(400, 429) },
      async handle({ params, query }, { deps }) {
        // A malformed number is looked up no more than one that is unknown: both are a typing slip.
        return pageOfNumber(deps, params.id, query.lang);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/verify',
      operationId: 'verificationPageByToken',
      permission: 'certificates.verify',
      tag: 'Certificates',
      summary:
        'The verification page of a certificate token or QR text (`token`), or of a number typed off the paper (`number`); without either, the form to type one',
      query: verifyPageQuery,
      rateLimit: (c) => c.RATE_LIMIT_VERIFY_PER_MINUTE,
      responses: { 200: html, 404: html, ...errorResponses(400, 429) },
      async handle({ query }, { deps }) {
        if (query.token && query.number !== undefined)
          throw badRequest('Give either the token or the number', [
            { path: 'query.number', message: 'not with token' },
          ]);
        if (query.token) return page(deps, await verifyCertificate(verifier(deps), query.token), query.lang);
        if (query.number?.trim()) return pageOfNumber(deps, query.number, query.lang);
        return page(deps, ASK, query.lang);
      },
    }),
  ];
}
