import { z } from '../../http/zod';
import { nonEmpty } from '../../lib/must';
import { nin, reason, recordId } from '../common/schemas';
import type { KindContract } from './contract';
import { registrationNumberPattern } from './rules';

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
  updatedAt: z.string(),
});

export interface RecordSchemas {
  /** The enum of the registry's kinds. */
  kind: z.ZodType<string>;
  recordView: z.ZodType;
  correctionBody: z.ZodType<{ changes: object; reason: string }>;
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
      .object({ changes, reason })
      .strict()
      .openapi('Correction', {
        example: {
          changes: { child: { givenName: 'زينب' } },
          reason: 'Spelling of the given name in the hospital notification',
        },
      }),
  };
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
