import { declarationRoute } from '../records/declaration';
import type { RecordSchemas } from '../records/schemas';
import { declareDeathBody } from './schemas';
import { declareDeath } from './commands';

export const deathRoutes = (schemas: RecordSchemas) => [
  declarationRoute(schemas, {
    path: '/v1/deaths',
    operationId: 'declareDeath',
    permission: 'deaths.declare',
    tag: 'Deaths',
    summary: 'Declare the death of a registered person',
    body: declareDeathBody,
    declare: declareDeath,
  }),
];
