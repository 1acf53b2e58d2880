import { commandContext } from '../../http/context';
import { defineRoute } from '../../http/route';
import type { Services } from '../../services';
import { errorResponses } from '../common/responses';
import { presentRecord } from '../records/presenter';
import { recordView } from '../records/schemas';
import { etagOf, findRecord } from '../records/service';
import { declareBirthBody } from './schemas';
import { declareBirth } from './service';

export const birthRoutes = (services: Services) => [
  defineRoute({
    method: 'post', path: '/v1/births', permission: 'births.declare', tag: 'Births',
    summary: 'Declare a birth', body: declareBirthBody,
    responses: { 201: { description: 'Declared', schema: recordView }, ...errorResponses(400, 401, 403, 409, 422) },
    async handle({ body, ...input }) {
      const entry = await declareBirth(services, commandContext(input), body);
      const record = await findRecord(services, entry.data.recordId as string);
      return { status: 201, body: presentRecord(record), headers: { ETag: etagOf(record), Location: `/v1/records/${record._id}` } };
    },
  }),
];
