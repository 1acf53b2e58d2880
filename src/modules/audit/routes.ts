import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import type { Config } from '../../config';
import { verifyJournal } from '../../journal/verify';
import { auditPage } from './page';
import { errorResponses } from '../common/responses';
import { publicJwkView, recordId } from '../common/schemas';
import { isValidNin } from '../common/nin';
import { journalEntryView } from '../records/schemas';

/** What these routes use. */
type RouteDeps = {
  journal: Parameters<typeof verifyJournal>[0] & { signHead(): Promise<unknown> };
  config: Pick<Config, 'AUDIT_PAGE_MAX_BYTES'>;
};
const defineRoute = routesOf<RouteDeps>();

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

const auditPageView = z
  .object({ items: z.array(journalEntryView), next: z.number().int().nullable() })
  .openapi('AuditPage');

const integrityView = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    firstBadSeq: z.number().int().optional(),
    problem: z.string().optional(),
    problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
    unknownTypes: z.array(z.object({ seq: z.number().int(), type: z.string() })),
    signedHeads: z
      .object({
        checked: z.number().int(),
        lastMatching: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
      })
      .openapi({
        description: 'The signed heads held that were checked, and the newest one the journal still matches',
      }),
  })
  .openapi('Integrity');

const headsQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(1000),
  })
  .strict();

const signedHeadView = z
  .object({
    seq: z.number().int(),
    hash: z.string(),
    at: z.string().openapi({ description: 'When it was signed' }),
    signature: z
      .string()
      .openapi({ description: 'base64url ES256 signature (r || s) of the canonical JSON {"at":…,"hash":…,"seq":…}' }),
    kid: z.string(),
  })
  .openapi('SignedJournalHead');

const headsPage = z
  .object({
    items: z.array(signedHeadView),
    next: z.number().int().nullable(),
    keys: z.array(publicJwkView).openapi({
      description: 'The public keys of the journal heads (pin them: a key that changes unannounced is a warning)',
    }),
  })
  .openapi('SignedJournalHeads');

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
    responses: {
      200: {
        description:
          'Entries, oldest first; `next` is the `after` of the next page. A page stops early, before `limit`, once its entries reach AUDIT_PAGE_MAX_BYTES (at least one entry a page)',
        schema: auditPageView,
      },
      ...errorResponses(400, 401, 403),
    },
    async handle({ query }, { deps }) {
      const filter = {
        ...(query.actor ? { 'actor.id': query.actor } : {}),
        ...(query.recordId ? { entityIds: query.recordId } : {}),
      };
      const page = await auditPage(deps.journal.entries, filter, {
        after: query.after,
        limit: query.limit,
        maxBytes: deps.config.AUDIT_PAGE_MAX_BYTES,
      });
      return {
        status: 200,
        body: page,
        // Entries carry personal data: the people they name see this read in their access log.
        named: page.items.flatMap((e) => e.entityIds.filter(isValidNin)),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/audit/integrity',
    operationId: 'verifyJournal',
    permission: 'audit.read',
    tag: 'Audit',
    summary:
      'Recompute the hash chain of the whole journal and hold it to the recorded head and every signed head held',
    responses: {
      200: {
        description:
          'The result; on tampering ok is false with the first bad seq (for a rewritten chain, the seq of the first signed head it no longer matches)',
        schema: integrityView,
      },
      ...errorResponses(401, 403),
    },
    async handle(_input, { deps }) {
      return { status: 200, body: await verifyJournal(deps.journal) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/audit/heads',
    operationId: 'listSignedJournalHeads',
    permission: 'audit.read',
    tag: 'Audit',
    summary:
      'Signed journal heads after a seq, to keep outside the database; the newest head is signed first when it is not yet',
    query: headsQuery,
    responses: {
      200: {
        description:
          'Signed heads, oldest first, with the public keys that verify them; `next` is the `after` of the next page',
        schema: headsPage,
      },
      ...errorResponses(400, 401, 403),
    },
    async handle({ query }, { deps }) {
      // Signed on demand: the copy an auditor fetches now covers the journal up to now.
      await deps.journal.signHead();
      const page = deps.journal.signing
        ? await deps.journal.signing.heads.page(query.after, query.limit)
        : { items: [], next: null };
      return { status: 200, body: { ...page, keys: deps.journal.signing?.heads.keys.jwks ?? [] } };
    },
  }),
];
