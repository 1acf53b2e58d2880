import { defineRoute } from '../../http/route';
import { errorResponses } from '../common/responses';
import { staffOffice } from '../offices/service';
import { etagOf, presentRecord } from '../records/presenter';
import type { RecordSchemas } from '../records/schemas';
import { findRecord } from '../records/service';
import { declareBirthBody } from './schemas';
import { declareBirth } from './service';

export const birthRoutes = ({ recordView }: RecordSchemas) => [
  defineRoute({
    method: 'post',
    path: '/v1/births',
    operationId: 'declareBirth',
    permission: 'births.declare',
    tag: 'Births',
    summary: 'Declare a birth',
    body: declareBirthBody,
    responses: { 201: { description: 'Declared', schema: recordView }, ...errorResponses(400, 401, 403, 409, 422) },
    async handle({ body }, ctx) {
      const { services } = ctx;
      const entry = await declareBirth(services, { ...ctx, office: staffOffice(ctx.actor) }, body);
      const record = await findRecord(services.records, entry.data.recordId);
      return { status: 201, body: presentRecord(services.kinds, record), headers: { ETag: etagOf(record), Location: `/v1/records/${record._id}` } };
    },
  }),
];
