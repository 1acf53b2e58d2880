import { z } from '../../http/zod';
import { isoDate, nin, reason, recordId } from '../common/schemas';
import { birthChanges, informant, parentRef } from '../births/schemas';

export const recordParams = z.object({ id: recordId }).strict();

export const reasonBody = z.object({ reason }).strict().openapi('Reason', { example: { reason: 'Duplicate declaration of the same birth' } });

export const correctionBody = z.object({ changes: birthChanges, reason }).strict().openapi('Correction', {
  example: { changes: { child: { givenName: 'زينب' } }, reason: 'Spelling of the given name in the hospital notification' },
});

export const recordView = z.object({
  id: recordId,
  kind: z.enum(['birth', 'marriage', 'divorce', 'death']),
  status: z.enum(['declared', 'registered', 'rejected', 'voided']),
  version: z.number().int(),
  office: z.string(),
  child: z.record(z.string(), z.unknown()).optional(),
  mother: parentRef.optional(),
  father: parentRef.optional(),
  informant: informant.optional(),
  declaredBy: z.object({ id: z.string(), office: z.string().optional() }),
  declaredAt: z.string(),
  registrationNumber: z.string().regex(/^[A-Z]{3}-\d{4}-[BMDX]-\d{6}$/).optional(),
  registeredBy: z.string().optional(),
  registeredAt: z.string().optional(),
  subjectNin: nin.optional(),
  rejectionReason: z.string().optional(),
  voidReason: z.string().optional(),
  updatedAt: z.string(),
}).openapi('Record');

export const journalEntryView = z.object({
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
}).openapi('JournalEntry');

export const historyView = z.object({ items: z.array(journalEntryView) }).openapi('RecordHistory');
export { isoDate };
