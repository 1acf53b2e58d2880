import { routesOf } from '../../http/route';
import { presentEntry } from '../../journal/presenter';
import { errorResponses } from '../common/responses';
import type { CivilRecord } from './store';
import { etagOf, namedIn, presentRecord } from './presenter';
import {
  duplicateReviewBody,
  historyView,
  reasonBody,
  recordListSchemas,
  recordParams,
  type RecordSchemas,
} from './schemas';
import { decodeCursor, encodeCursor } from '../common/schemas';
import { badRequest } from '../../http/problem';
import type { PersonStore } from '../persons/projectors';
import { listRecords, needsOffice, presentSummaries, type ListDeps } from './list';
import {
  correctRecord,
  findRecord,
  recordHistory,
  recordOffice,
  registerRecord,
  rejectRecord,
  reviewDuplicates,
  voidRecord,
  type RecordDeps,
} from './commands';
import type { RecordKinds } from './contract';

/** What these routes use. */
type RouteDeps = RecordDeps & ListDeps & { persons: PersonStore };
const defineRoute = routesOf<RouteDeps>();

const answer = (kinds: RecordKinds, record: CivilRecord) => ({
  status: 200,
  body: presentRecord(kinds, record),
  headers: { ETag: etagOf(record) },
  named: namedIn(record),
});

/** Record actions are for the staff of the record's office (the mount checks it: policy.ts, OFFICE_BOUND). */
const officeOf = (params: { id: string }, deps: RouteDeps) => recordOffice(deps.records, params.id);

export const recordRoutes = ({ kind, recordView, correctionBody }: RecordSchemas) => {
  const list = recordListSchemas(kind);
  return [
    defineRoute({
      method: 'get',
      path: '/v1/records',
      operationId: 'listRecords',
      permission: 'records.list',
      tag: 'Office work',
      summary:
        "Records, oldest declaration first: the caller's office unless `office` names another (auditors: every office), by queue, status, kind, flag, declarer and declaration date",
      query: list.query,
      accessLog: true,
      responses: {
        200: { description: 'A page of record summaries', schema: list.page },
        ...errorResponses(400, 401, 403),
      },
      async handle({ query }, { deps, actor }) {
        const { limit, cursor, ...filter } = query;
        if (needsOffice(actor, filter)) throw badRequest("A queue is an office's: name the office (office=BGD)");
        const page = await listRecords(deps, actor, filter, {
          limit,
          ...(cursor ? { after: Number(decodeCursor(cursor)) } : {}),
        });
        const { view, named } = await presentSummaries(deps.persons, deps.kinds, page.items);
        return {
          status: 200,
          body: { items: view, nextCursor: page.next === null ? null : encodeCursor(page.next) },
          named,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/records/{id}',
      operationId: 'getRecord',
      permission: 'records.read',
      tag: 'Records',
      summary: 'A record, with its ETag',
      params: recordParams,
      accessLog: true,
      responses: { 200: { description: 'The record', schema: recordView }, ...errorResponses(400, 401, 403, 404) },
      async handle({ params }, { deps }) {
        return answer(deps.kinds, await findRecord(deps.records, params.id));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/records/{id}/history',
      operationId: 'getRecordHistory',
      permission: 'records.read',
      tag: 'Records',
      summary: 'Journal entries of this record, oldest first',
      params: recordParams,
      accessLog: true,
      responses: { 200: { description: 'The entries', schema: historyView }, ...errorResponses(400, 401, 403, 404) },
      async handle({ params }, { deps }) {
        const { record, entries } = await recordHistory(deps, params.id);
        return { status: 200, body: { items: entries.map(presentEntry) }, named: namedIn(record) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/records/{id}/registration',
      operationId: 'registerRecord',
      permission: 'records.register',
      tag: 'Records',
      summary: 'Register a declared record (by a registrar other than the declarer)',
      params: recordParams,
      officeOf,
      responses: {
        200: { description: 'Registered', schema: recordView },
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
      async handle({ params }, ctx) {
        return answer(ctx.deps.kinds, await registerRecord(ctx.deps, ctx, params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/records/{id}/rejection',
      operationId: 'rejectRecord',
      permission: 'records.reject',
      tag: 'Records',
      summary: 'Reject a declared record, with a reason',
      params: recordParams,
      officeOf,
      body: reasonBody,
      responses: { 200: { description: 'Rejected', schema: recordView }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ params, body }, ctx) {
        return answer(ctx.deps.kinds, await rejectRecord(ctx.deps, ctx, params.id, body.reason));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/records/{id}/duplicate-review',
      operationId: 'reviewDuplicates',
      permission: 'records.review-duplicates',
      tag: 'Office work',
      summary:
        "Decide on a declared record's possible duplicates (a registrar other than the declarer): `not-duplicate` clears the flag, `duplicate` rejects the record with the reason",
      params: recordParams,
      officeOf,
      body: duplicateReviewBody,
      responses: {
        200: { description: 'Reviewed', schema: recordView },
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
      async handle({ params, body }, ctx) {
        return answer(ctx.deps.kinds, await reviewDuplicates(ctx.deps, ctx, params.id, body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/records/{id}/corrections',
      operationId: 'correctRecord',
      permission: 'records.correct',
      tag: 'Records',
      summary: 'Correct facts of a record; needs If-Match with the ETag read',
      params: recordParams,
      officeOf,
      body: correctionBody,
      needsIfMatch: true,
      responses: {
        200: { description: 'Corrected; version + 1', schema: recordView },
        ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
      },
      async handle({ params, body }, ctx) {
        return answer(ctx.deps.kinds, await correctRecord(ctx.deps, ctx, params.id, body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/records/{id}/voiding',
      operationId: 'voidRecord',
      permission: 'records.void',
      tag: 'Records',
      summary: 'Void a registered record, with a reason',
      params: recordParams,
      officeOf,
      body: reasonBody,
      responses: { 200: { description: 'Voided', schema: recordView }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ params, body }, ctx) {
        return answer(ctx.deps.kinds, await voidRecord(ctx.deps, ctx, params.id, body.reason));
      },
    }),
  ];
};
