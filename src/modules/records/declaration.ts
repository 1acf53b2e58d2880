import type { z } from 'zod';
import { defineRoute } from '../../http/route';
import type { CommandContext } from '../../journal/types';
import type { Services } from '../../services';
import { errorResponses } from '../common/responses';
import { staffOffice } from '../offices/commands';
import { etagOf, presentRecord } from './presenter';
import type { RecordSchemas } from './schemas';
import { findRecord } from './commands';

type DeclarePermission = 'births.declare' | 'marriages.declare' | 'divorces.declare' | 'deaths.declare';

/** The route that declares a record of one kind: 201 with the record, its ETag and Location. */
export function declarationRoute<T>(
  { recordView }: RecordSchemas,
  spec: {
    path: string;
    operationId: string;
    permission: DeclarePermission;
    tag: string;
    summary: string;
    body: z.ZodType<T>;
    declare(
      services: Services,
      ctx: CommandContext & { office: string },
      body: T,
    ): Promise<{ data: { recordId: string } }>;
  },
) {
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
      const { services } = ctx;
      const entry = await spec.declare(services, { ...ctx, office: staffOffice(ctx.actor) }, body);
      const record = await findRecord(services.records, entry.data.recordId);
      return {
        status: 201,
        body: presentRecord(services.kinds, record),
        headers: { ETag: etagOf(record), Location: `/v1/records/${record._id}` },
      };
    },
  });
}
