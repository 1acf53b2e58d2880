import { declarationRoute } from '../records/declaration';
import type { RecordSchemas } from '../records/schemas';
import { declareBirthBody } from './schemas';
import { declareBirth } from './commands';

export const birthRoutes = (schemas: RecordSchemas) => [
  declarationRoute(schemas, {
    path: '/v1/births',
    operationId: 'declareBirth',
    permission: 'births.declare',
    tag: 'Births',
    summary: 'Declare a birth',
    body: declareBirthBody,
    declare: declareBirth,
  }),
];
