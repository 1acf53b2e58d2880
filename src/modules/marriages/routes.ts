import { declarationRoute } from '../records/declaration';
import type { RecordSchemas } from '../records/schemas';
import { declareMarriageBody } from './schemas';
import { declareMarriage } from './commands';

export const marriageRoutes = (schemas: RecordSchemas) => [
  declarationRoute(schemas, {
    path: '/v1/marriages',
    operationId: 'declareMarriage',
    permission: 'marriages.declare',
    tag: 'Marriages',
    summary: 'Declare a marriage of two registered people',
    body: declareMarriageBody,
    declare: declareMarriage,
  }),
];
