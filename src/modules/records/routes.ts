import { commandContext } from '../../http/context';
import { defineRoute } from '../../http/route';
import { presentEntry } from '../../journal/presenter';
import type { Services } from '../../services';
import { errorResponses } from '../common/responses';
import { presentRecord } from './presenter';
import { correctionBody, historyView, reasonBody, recordParams, recordView } from './schemas';
import { correctRecord, etagOf, findRecord, recordHistory, registerRecord, rejectRecord, voidRecord } from './service';
import type { CivilRecord } from './model';

/** Everyone a record names, for the access log. */
const namedIn = (record: CivilRecord) => [...record.personNins, ...(record.subjectNin ? [record.subjectNin] : [])];

const answer = (record: CivilRecord, status = 200) => ({ status, body: presentRecord(record), headers: { ETag: etagOf(record) } });

export const recordRoutes = (services: Services) => [
  defineRoute({
    method: 'get', path: '/v1/records/{id}', permission: 'records.read', tag: 'Records',
    summary: 'A record, with its ETag', params: recordParams,
    responses: { 200: { description: 'The record', schema: recordView }, ...errorResponses(400, 401, 403, 404) },
    async handle({ params, actor }) {
      const record = await findRecord(services, params.id);
      services.accessLog.record(namedIn(record), actor, 'GET /v1/records/{id}');
      return answer(record);
    },
  }),
  defineRoute({
    method: 'get', path: '/v1/records/{id}/history', permission: 'records.read', tag: 'Records',
    summary: 'Journal entries of this record, oldest first', params: recordParams,
    responses: { 200: { description: 'The entries', schema: historyView }, ...errorResponses(400, 401, 403, 404) },
    async handle({ params, actor }) {
      const { record, entries } = await recordHistory(services, params.id);
      services.accessLog.record(namedIn(record), actor, 'GET /v1/records/{id}/history');
      return { status: 200, body: { items: entries.map(presentEntry) } };
    },
  }),
  defineRoute({
    method: 'post', path: '/v1/records/{id}/registration', permission: 'records.register', tag: 'Records',
    summary: 'Register a declared record (by a registrar other than the declarer)', params: recordParams,
    responses: { 200: { description: 'Registered', schema: recordView }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    async handle({ params, ...input }) { return answer(await registerRecord(services, commandContext(input), params.id)); },
  }),
  defineRoute({
    method: 'post', path: '/v1/records/{id}/rejection', permission: 'records.reject', tag: 'Records',
    summary: 'Reject a declared record, with a reason', params: recordParams, body: reasonBody,
    responses: { 200: { description: 'Rejected', schema: recordView }, ...errorResponses(400, 401, 403, 404, 409) },
    async handle({ params, body, ...input }) { return answer(await rejectRecord(services, commandContext(input), params.id, body.reason)); },
  }),
  defineRoute({
    method: 'post', path: '/v1/records/{id}/corrections', permission: 'records.correct', tag: 'Records',
    summary: 'Correct facts of a record; needs If-Match with the ETag read', params: recordParams, body: correctionBody,
    needsIfMatch: true,
    responses: { 200: { description: 'Corrected; version + 1', schema: recordView }, ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428) },
    async handle({ params, body, headers, ...input }) {
      return answer(await correctRecord(services, commandContext(input), params.id, String(headers['if-match']), body));
    },
  }),
  defineRoute({
    method: 'post', path: '/v1/records/{id}/voiding', permission: 'records.void', tag: 'Records',
    summary: 'Void a registered record, with a reason', params: recordParams, body: reasonBody,
    responses: { 200: { description: 'Voided', schema: recordView }, ...errorResponses(400, 401, 403, 404, 409) },
    async handle({ params, body, ...input }) { return answer(await voidRecord(services, commandContext(input), params.id, body.reason)); },
  }),
];
