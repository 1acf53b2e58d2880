import { z } from '../../http/zod';
import { nonEmpty } from '../../lib/must';
import { isoDate, nin, pageQuery, reason, recordId } from '../common/schemas';
import type { KindContract } from './contract';
import { CURSOR_PATTERN } from './list';
import { QUEUES, RECORD_FLAGS, registrationNumberPattern, TIMELINESS } from './rules';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_TYPES } from '../documents/rules';

/** A document id: `d_` and 128 random bits. */
export const documentId = z
  .string()
  .regex(/^d_[A-Za-z0-9_-]{22}$/, 'must be a document id (d_ and 22 characters)')
  .openapi({ example: 'd_3q2FJ6mQ0yUKm1nVf7XcQw' });

/** A document as a record lists it. */
export const documentSummary = z
  .object({
    id: documentId,
    type: z.enum(DOCUMENT_TYPES),
    contentType: z.enum(DOCUMENT_CONTENT_TYPES as [string, ...string[]]),
    size: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    uploadedAt: z.string(),
  })
  .openapi('DocumentSummary');

/** What a correction rests on: the court's order, and its attached `court-order` documents. */
export const correctionEvidence = z
  .object({
    courtOrder: z
      .object({
        court: z.string().trim().min(2).max(200),
        reference: z.string().trim().min(1).max(100),
        date: isoDate,
      })
      .strict(),
    documentIds: z.array(documentId).min(1).max(10),
  })
  .strict()
  .openapi('CorrectionEvidence', {
    example: {
      courtOrder: { court: 'Karkh Civil Status Court', reference: 'KRK-CS-2026/118', date: '2026-04-02' },
      documentIds: ['d_3q2FJ6mQ0yUKm1nVf7XcQw'],
    },
  });

export const recordParams = z.object({ id: recordId }).strict();

export const reasonBody = z
  .object({ reason })
  .strict()
  .openapi('Reason', { example: { reason: 'Duplicate declaration of the same birth' } });

/** The record fields every kind shares; `kind` and the number's pattern come from the registry's kinds. */
const lifecycleFields = (kind: z.ZodType<string>, letters: readonly string[]) => ({
  id: recordId,
  kind,
  status: z.enum(['declared', 'registered', 'rejected', 'voided']),
  version: z.number().int(),
  office: z.string(),
  declaredBy: z.object({ id: z.string(), office: z.string().optional() }),
  declaredAt: z.string(),
  /** Made from a hospital's notification: which client, its own id, the facility. */
  notification: z.object({ clientId: z.string(), notificationId: z.string(), facility: z.string() }).optional(),
  registrationNumber: z.string().regex(registrationNumberPattern(letters)).optional(),
  registeredBy: z.string().optional(),
  registeredAt: z.string().optional(),
  subjectNin: nin.optional(),
  rejectionReason: z.string().optional(),
  voidReason: z.string().optional(),
  /** What stops or marks the record (possible-duplicate, late, delayed, incomplete, evidence-required). */
  flags: z.array(z.enum(RECORD_FLAGS)),
  /** The declaration against its kind's legal deadline; absent for kinds without one (made or confirmed by a court). */
  timeliness: z.enum(TIMELINESS).optional(),
  /** Earlier records of the same event found at the declaration: `reasons` name the fields that matched. */
  duplicates: z.array(z.object({ recordId, score: z.number().min(0).max(1), reasons: z.array(z.string()) })).optional(),
  /** A registrar's decision on those duplicates. */
  duplicateReview: z
    .object({
      decision: z.enum(['not-duplicate', 'duplicate']),
      duplicateOf: recordId.optional(),
      reason: z.string(),
      by: z.string(),
      at: z.string(),
    })
    .optional(),
  /** How many certificates were issued of it. */
  certificatesIssued: z.number().int().min(0),
  /** Its supporting documents, oldest first (GET /v1/records/{id}/documents/{documentId} gives the file). */
  documents: z.array(documentSummary),
  updatedAt: z.string(),
});

export interface RecordSchemas {
  /** The enum of the registry's kinds. */
  kind: z.ZodType<string>;
  recordView: z.ZodType;
  correctionBody: z.ZodType<{ changes: object; reason: string; evidence?: z.infer<typeof correctionEvidence> }>;
}

/** The record and correction schemas, from the lifecycle fields and those of every registered kind. */
export function recordSchemas(kinds: readonly Pick<KindContract, 'kind' | 'letter' | 'schemas'>[]): RecordSchemas {
  const kind = z.enum(
    nonEmpty(
      kinds.map((k) => k.kind),
      'record kind in the registry',
    ),
  );
  // A kind's fields appear only on records of that kind, so each is optional on the shared view.
  const kindFields = Object.fromEntries(
    kinds.flatMap((k) => Object.entries(k.schemas.view).map(([name, schema]) => [name, schema.optional()])),
  );
  // One kind's changes stand alone: a union of one is an illogical anyOf in OpenAPI.
  const [first, ...others] = kinds;
  const changes = first && others.length === 0 ? first.schemas.changes : z.union(kinds.map((k) => k.schemas.changes));
  return {
    kind,
    recordView: z
      .object({
        ...lifecycleFields(
          kind,
          kinds.map((k) => k.letter),
        ),
        ...kindFields,
      })
      .openapi('Record'),
    correctionBody: z
      .object({ changes, reason, evidence: correctionEvidence.optional() })
      .strict()
      .openapi('Correction', {
        example: {
          changes: { child: { givenName: 'زينب' } },
          reason: 'Spelling of the given name in the hospital notification',
        },
      }),
  };
}

export const duplicateReviewBody = z
  .object({ decision: z.enum(['not-duplicate', 'duplicate']), duplicateOf: recordId.optional(), reason })
  .strict()
  .openapi('DuplicateReview', {
    example: { decision: 'not-duplicate', reason: 'Twins: a different child of the same mother, born the same day' },
  });

const STATUSES = ['declared', 'registered', 'rejected', 'voided'] as const;

/** GET /v1/records: the filters, and a page of record summaries. */
export function recordListSchemas(kind: z.ZodType<string>) {
  const query = z
    .object({
      queue: z.enum(QUEUES).optional(),
      status: z.enum(STATUSES).optional(),
      kind: kind.optional(),
      office: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an office code (three capital letters)')
        .optional(),
      flag: z.enum(RECORD_FLAGS).optional(),
      declaredBy: z.literal('me').optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...pageQuery(CURSOR_PATTERN),
    })
    .strict()
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
  const item = z
    .object({
      id: recordId,
      kind,
      status: z.enum(STATUSES),
      flags: z.array(z.enum(RECORD_FLAGS)),
      office: z.string(),
      subjectName: z
        .string()
        .openapi({ description: 'Whom the record is about, as named now (several: joined by " / ")' }),
      eventDate: isoDate,
      declaredAt: z.string(),
      declaredBy: z.string(),
      registrationNumber: z.string().optional(),
    })
    .openapi('RecordSummary');
  const page = z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi('RecordPage');
  return { query, page };
}

export const journalEntryView = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    type: z.string(),
    actor: z.object({ id: z.string(), role: z.string(), office: z.string().optional() }),
    requestId: z.string(),
    entityIds: z.array(z.string()),
    data: z.record(z.string(), z.unknown()),
    reason: z.string().optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('JournalEntry');

export const historyView = z.object({ items: z.array(journalEntryView) }).openapi('RecordHistory');
