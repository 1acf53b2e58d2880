import { declarationRoute } from '../records/declaration';
import type { RecordSchemas } from '../records/schemas';
import { declareDivorceBody } from './schemas';
import { declareDivorce } from './commands';

export const divorceRoutes = (schemas: RecordSchemas) => [
  declarationRoute(schemas, {
    path: '/v1/divorces',
    operationId: 'declareDivorce',
    permission: 'divorces.declare',
    tag: 'Divorces',
    summary: 'Declare the divorce of a registered marriage in force',
    body: declareDivorceBody,
    declare: declareDivorce,
  }),
];
