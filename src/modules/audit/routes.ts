import { defineRoute } from '../../http/route';
import { z } from '../../http/zod';
import { presentEntry } from '../../journal/presenter';
import { pageById } from '../../db/page';
import { entryId } from '../../journal/types';
import { verifyJournal } from '../../journal/verify';
import { errorResponses } from '../common/responses';
import { recordId } from '../common/schemas';
import { isValidNin } from '../persons/nin';
import { journalEntryView } from '../records/schemas';

const auditQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    actor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a user id')
      .optional(),
    recordId: recordId.optional(),
  })
  .strict();

const auditPage = z.object({ items: z.array(journalEntryView), next: z.number().int().nullable() }).openapi('AuditPage');

const integrityView = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    firstBadSeq: z.number().int().optional(),
    problem: z.string().optional(),
    problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
    unknownTypes: z.array(z.object({ seq: z.number().int(), type: z.string() })),
  })
  .openapi('Integrity');

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/audit',
    operationId: 'listJournalEntries',
    permission: 'audit.read',
    tag: 'Audit',
    summary: 'Journal entries after a seq, filtered by actor or record',
    query: auditQuery,
    accessLog: true,
    responses: { 200: { description: 'Entries, oldest first; `next` is the `after` of the next page', schema: auditPage }, ...errorResponses(400, 401, 403) },
    async handle({ query }, { services }) {
      const filter = { ...(query.actor ? { 'actor.id': query.actor } : {}), ...(query.recordId ? { entityIds: query.recordId } : {}) };
      const page = await pageById(services.journal.entries, filter, { limit: query.limit, after: entryId(query.after) });
      const items = page.items;
      return {
        status: 200,
        body: { items: items.map(presentEntry), next: page.last === null ? null : Number(page.last) },
        // Entries carry personal data: the people they name see this read in their access log.
        named: items.flatMap((e) => e.entityIds.filter(isValidNin)),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/audit/integrity',
    operationId: 'verifyJournal',
    permission: 'audit.read',
    tag: 'Audit',
    summary: 'Recompute the hash chain of the whole journal',
    responses: { 200: { description: 'The result; on tampering ok is false with the first bad seq', schema: integrityView }, ...errorResponses(401, 403) },
    async handle(_input, { services }) {
      return { status: 200, body: await verifyJournal(services.journal) };
    },
  }),
];
