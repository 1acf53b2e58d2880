import type { CertificateEvents } from '../certificates/events';
import { newCertificateId } from './ids';
import type { Db } from 'mongodb';
import { nextValue } from '../../db/counters';
import { badRequest, conflict, forbidden, notFound } from '../../http/problem';
import { requireRecordConsent } from '../consents/commands';
import type { ConsentStore } from '../consents/store';
import { canonicalJson, sha256Hex } from '../../journal/hash';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import type { CircleDeps } from '../civil-status/circle';
import type { CertifiedFacts, RecordKinds } from '../records/contract';
import type { CivilRecord } from '../records/store';
import { findRecord } from '../records/commands';
import { officeGovernorate, type OfficeStore } from '../offices/commands';
import { requireEntitled } from './entitlement';
import type { CertificateKeyring } from './keyring';
import type { CertificateDoc, CertificateLanguage, CertificateStore } from './store';
import { countCitizenCertificate } from './quota';
import { defaultLanguage } from './languages';
import { factsForToken, placeHealthFacts } from './rules';
import { statusListUrl } from './status-list';
import { credentialClaims, signCredential } from './token';
import { qrCredential } from './cose';

export interface CertificateDeps extends CircleDeps {
  journal: Journal<CertificateEvents>;
  db: Db;
  certificates: CertificateStore;
  keyring: CertificateKeyring;
  offices: OfficeStore;
  consents: ConsentStore;
  config: {
    PUBLIC_BASE_URL: string;
    CERTIFICATE_VALIDITY_DAYS: number;
    CITIZEN_CERTIFICATES_PER_DAY: number;
    CERTIFICATE_INCLUDE_PARENT_NINS: 'true' | 'false';
    DEATH_CERTIFICATE_SHOWS_CAUSE: 'true' | 'false';
    DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE: 'true' | 'false';
  } & Parameters<typeof defaultLanguage>[1];
}

export { statusListUrl };

/**
 * What a record certifies now, and its hash: a certificate whose hash differs is superseded. A
 * record corrected by a court's order says so, as Iraqi certificates carry it in the margin.
 */
export async function certifiedFacts(kinds: RecordKinds, record: CivilRecord) {
  const certified = await kinds.of(record.kind).certify(record);
  const facts: CertifiedFacts = record.courtOrders?.length
    ? { ...certified.facts, correctedByCourtOrder: record.courtOrders }
    : certified.facts;
  return { subjects: certified.subjects, facts, hash: sha256Hex(canonicalJson(facts)) };
}

/**
 * Issues a certificate of a registered record: signed with the active key, journaled with who,
 * for whom, which record and version. A citizen gets only what `requireEntitled` allows, and is
 * then the certificate's subject when the record names them; and no more than
 * CITIZEN_CERTIFICATES_PER_DAY a day (counted once the request is otherwise allowed, so a refused
 * one costs nothing).
 */
export async function issueCertificate(
  deps: CertificateDeps,
  ctx: CommandContext,
  input: { recordId: string; language?: CertificateLanguage; purpose?: string },
) {
  const statusIndex = statusIndexOnce(deps);
  const countCitizen = citizenCountOnce(deps, ctx);
  const certificateId = newCertificateId();
  return deps.journal.execute(ctx, async () => {
    const record = await findRecord(deps.records, input.recordId);
    if (record.status !== 'registered' || !record.registrationNumber || !record.registeredAt) {
      throw conflict(
        `Only a registered record has certificates; this one is ${record.status}`,
        'record-not-registered',
      );
    }
    const citizen = ctx.actor.role === 'citizen' ? ctx.actor.nin : undefined;
    if (ctx.actor.role === 'citizen') await requireEntitled(deps, record, citizen ?? '');
    const client = clientIssue(ctx, input.purpose);
    if (client) await requireRecordConsent(deps, record, client.audience, client.purpose);
    const certified = await certifiedFacts(deps.kinds, record);
    // The office that prints it speaks its region's languages: the staff member's, else the record's (a citizen's own issue).
    const language =
      input.language ??
      defaultLanguage(
        await officeGovernorate(
          deps.offices,
          ctx.actor.role !== 'citizen' && ctx.actor.office ? ctx.actor.office : record.office,
        ),
        deps.config,
      );
    const kind = deps.kinds.of(record.kind).certificate;
    const placed = placeHealthFacts(certified.facts, kind.healthFacts ?? [], {
      print: deps.config.DEATH_CERTIFICATE_SHOWS_CAUSE === 'true',
      inToken: deps.config.DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE === 'true',
    });
    const subjectNin = citizen && certified.subjects.includes(citizen) ? citizen : certified.subjects[0];
    if (!subjectNin) throw conflict('This record names nobody a certificate could be about', 'no-subject');
    await countCitizen();
    // The record's next copy, decided from the journal's own order: a command that loses an
    // append race to another issue decides again after applying it, and takes the next number,
    // so concurrent issues get neither the same number nor a gap (a refused issue takes none).
    return signedIssue(deps, certificateId, await statusIndex(), {
      kind: record.kind,
      credentialType: kind.type,
      subjectNin,
      registrationNumber: record.registrationNumber,
      registeredAt: record.registeredAt,
      copyNumber: (record.certificatesIssued ?? 0) + 1,
      // The hash (supersession) is of every certified fact; the token leaves out others' NINs.
      tokenFacts: factsForToken(
        placed.token,
        certified.subjects,
        deps.config.CERTIFICATE_INCLUDE_PARENT_NINS === 'true',
      ),
      factsHash: certified.hash,
      language,
      recordId: record._id,
      recordVersion: record.version,
      ...(placed.paper ? { paperFacts: placed.paper } : {}),
      ...client,
    });
  });
}

/** What an issue certifies, and of what: a record's certificate, or a person's extract (no record). */
export interface IssueDraft {
  kind: string;
  credentialType: string;
  subjectNin: string;
  registrationNumber: string;
  registeredAt: string;
  copyNumber: number;
  tokenFacts: Record<string, unknown>;
  factsHash: string;
  language: CertificateLanguage;
  recordId?: string;
  recordVersion?: number;
  office?: string;
  paperFacts?: Record<string, unknown>;
  /** A client's issue: the credential's audience and the purpose it gave (journaled with it). */
  audience?: string;
  purpose?: string;
}

/**
 * A sectoral client's issue: the client is the credential's audience, and the purpose it gave
 * goes into the journal entry (and the person's access log). None for staff and citizens.
 */
export function clientIssue(ctx: CommandContext, purpose: string | undefined) {
  if (ctx.actor.role !== 'client') return undefined;
  if (!purpose)
    throw badRequest('A sectoral client names the purpose it obtains the certificate for', [
      { path: 'body.purpose', message: 'required for a sectoral client' },
    ]);
  return { audience: ctx.actor.id, purpose };
}

/** A status list index allocated once per command: a retry after a lost append race keeps its place in the list. */
export function statusIndexOnce(deps: Pick<CertificateDeps, 'db'>): () => Promise<number> {
  let index: number | undefined;
  return async () => (index ??= (await nextValue(deps.db, 'certificate-status-index')) - 1);
}

/**
 * Counts a citizen's issue against CITIZEN_CERTIFICATES_PER_DAY once per command, like the status
 * index: a retry after a lost append race is the same certificate. Staff and clients are not counted.
 */
export function citizenCountOnce(deps: CertificateDeps, ctx: CommandContext): () => Promise<void> {
  let counted = false;
  return async () => {
    if (ctx.actor.role !== 'citizen' || counted) return;
    await countCitizenCertificate(deps.db, {
      nin: ctx.actor.nin ?? '',
      limit: deps.config.CITIZEN_CERTIFICATES_PER_DAY,
      idempotencyKey: ctx.idempotencyKey,
    });
    counted = true;
  };
}

/** Signs an issue with the active key and drafts its journal entry. */
export async function signedIssue(
  deps: CertificateDeps,
  certificateId: string,
  statusIndex: number,
  issue: IssueDraft,
) {
  const { tokenFacts, credentialType, audience, registeredAt, ...kept } = issue;
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + deps.config.CERTIFICATE_VALIDITY_DAYS * 86_400_000);
  const base = deps.config.PUBLIC_BASE_URL;
  const signer = await deps.keyring.signer();
  const claims = credentialClaims({
    issuer: base,
    id: certificateId,
    kind: issue.kind,
    credentialType,
    subjectNin: issue.subjectNin,
    registrationNumber: issue.registrationNumber,
    registeredAt,
    copyNumber: issue.copyNumber,
    facts: tokenFacts,
    statusIndex,
    statusListUrl: statusListUrl(base, statusIndex),
    issuedAt,
    expiresAt,
    ...(audience ? { audience } : {}),
  });
  return {
    type: 'certificate.issued' as const,
    entityIds: [certificateId, ...(issue.recordId ? [issue.recordId] : []), issue.subjectNin],
    data: {
      certificateId,
      ...kept,
      kid: signer.kid,
      statusIndex,
      token: signCredential(claims, signer),
      qr: qrCredential(claims, signer),
      expiresAt: expiresAt.toISOString(),
      ...(audience ? { audience } : {}),
    },
  };
}

export async function findCertificate(certificates: CertificateStore, id: string): Promise<CertificateDoc> {
  const doc = await certificates.get(id);
  if (!doc) throw notFound(`No certificate ${id}`);
  return doc;
}

/** A registrar revokes a certificate, with a reason: it verifies as revoked from now on. */
export async function revokeCertificate(deps: CertificateDeps, ctx: CommandContext, id: string, reason: string) {
  await deps.journal.execute(ctx, async () => {
    const doc = await findCertificate(deps.certificates, id);
    if (doc.revoked) throw conflict(`The certificate was revoked on ${doc.revoked.at}`, 'already-revoked');
    return {
      type: 'certificate.revoked',
      entityIds: [id, ...(doc.recordId ? [doc.recordId] : []), doc.subjectNin],
      data: { certificateId: id, statusIndex: doc.statusIndex },
      reason,
    };
  });
  return findCertificate(deps.certificates, id);
}

/** A certificate's standing now: revoked, superseded by a correction of its record, expired, or valid. */
export function standingOf(doc: CertificateDoc, now = new Date()): 'valid' | 'revoked' | 'superseded' | 'expired' {
  if (doc.revoked) return 'revoked';
  if (doc.supersededAt) return 'superseded';
  if (doc.expiresAt <= now.toISOString()) return 'expired';
  return 'valid';
}

/** Whether the caller may read this certificate: staff, or a citizen entitled to its record (their own extract). */
export async function requireReader(
  deps: CertificateDeps,
  ctx: Pick<CommandContext, 'actor'>,
  doc: CertificateDoc,
): Promise<void> {
  if (ctx.actor.role === 'client') {
    if (doc.audience !== ctx.actor.id) throw forbidden('A client may read the certificates issued to it only');
    return;
  }
  if (ctx.actor.role !== 'citizen') return;
  if (!doc.recordId) {
    if (doc.subjectNin !== ctx.actor.nin) throw forbidden('A citizen may have their own civil-status extract only');
    return;
  }
  await requireEntitled(deps, await findRecord(deps.records, doc.recordId), ctx.actor.nin ?? '');
}
