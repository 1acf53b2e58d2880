import { defineRoute } from '../../http/route';
import { z } from '../../http/zod';
import { presentEntry } from '../../journal/presenter';
import { entryId, type JournalEntry } from '../../journal/types';
import { verifyChain } from '../../journal/verify';
import type { Services } from '../../services';
import { errorResponses } from '../common/responses';
import { recordId } from '../common/schemas';
import { isValidNin } from '../persons/nin';
import { journalEntryView } from '../records/schemas';

const auditQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  actor: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a user id').optional(),
  recordId: recordId.optional(),
}).strict();

const auditPage = z.object({ items: z.array(journalEntryView), next: z.number().int().nullable() }).openapi('AuditPage');

const integrityView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBadSeq: z.number().int().optional(),
  problem: z.string().optional(),
}).openapi('Integrity');

export const auditRoutes = (services: Services) => [
  defineRoute({
    method: 'get', path: '/v1/audit', permission: 'audit.read', tag: 'Audit',
    summary: 'Journal entries after a seq, filtered by actor or record', query: auditQuery,
    responses: { 200: { description: 'Entries, oldest first; `next` is the `after` of the next page', schema: auditPage }, ...errorResponses(400, 401, 403) },
    async handle({ query, actor }) {
      const filter: Record<string, unknown> = { _id: { $gt: entryId(query.after) } };
      if (query.actor) filter['actor.id'] = query.actor;
      if (query.recordId) filter.entityIds = query.recordId;
      const rows = await services.journal.entries.find(filter as never).sort({ _id: 1 }).limit(query.limit + 1).toArray() as JournalEntry[];
      const items = rows.slice(0, query.limit);
      // Entries carry personal data: the people they name see this read in their access log.
      services.accessLog.record(items.flatMap((e) => e.entityIds.filter(isValidNin)), actor, 'GET /v1/audit');
      return { status: 200, body: { items: items.map(presentEntry), next: rows.length > query.limit ? items[items.length - 1].seq : null } };
    },
  }),
  defineRoute({
    method: 'get', path: '/v1/audit/integrity', permission: 'audit.read', tag: 'Audit',
    summary: 'Recompute the hash chain of the whole journal',
    responses: { 200: { description: 'The result; on tampering ok is false with the first bad seq', schema: integrityView }, ...errorResponses(401, 403) },
    async handle() { return { status: 200, body: await verifyChain(services.journal.entries) }; },
  }),
];
