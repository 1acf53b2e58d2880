import { routesOf } from '../../http/route';
import { errorResponses } from '../common/responses';
import { staffOffice } from '../offices/commands';
import type { KindContract } from './contract';
import { etagOf, presentRecord } from './presenter';
import type { RecordSchemas } from './schemas';
import { findRecord, type RecordDeps } from './commands';

/** What these routes use. */
type RouteDeps = Pick<RecordDeps, 'kinds' | 'records'>;
const defineRoute = routesOf<RouteDeps>();

/** The route that declares a record of one kind, from its contract: 201 with the record, its ETag and Location. */
export function declarationRoute({ recordView }: RecordSchemas, contract: Pick<KindContract, 'kind' | 'declaration'>) {
  const spec = contract.declaration;
  return defineRoute({
    method: 'post',
    path: spec.path,
    operationId: spec.operationId,
    permission: spec.permission,
    tag: spec.tag,
    summary: spec.summary,
    body: spec.body,
    responses: { 201: { description: 'Declared', schema: recordView }, ...errorResponses(400, 401, 403, 409, 422) },
    async handle({ body }, ctx) {
      const { deps } = ctx;
      const kind = deps.kinds.of(contract.kind);
      const entry = await kind.declare({ ...ctx, office: staffOffice(ctx.actor) }, body);
      const record = await findRecord(deps.records, entry.data.recordId);
      return {
        status: 201,
        body: presentRecord(deps.kinds, record),
        headers: { ETag: etagOf(record), Location: `/v1/records/${record._id}` },
      };
    },
  });
}
