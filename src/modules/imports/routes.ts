import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { legacyRow, readRows } from './format';
import type { Config } from '../../config';
import { importLegacyRegister, type ImportDeps, type Rejection } from './importer';

/** What these routes use. */
type RouteDeps = ImportDeps & { config: Pick<Config, 'IMPORT_MAX_LINE_BYTES'> };
const defineRoute = routesOf<RouteDeps>();

/** Rejections listed in the answer; the counts cover all of them. */
const LISTED = 1000;

const importReport = z
  .object({
    rows: z.number().int(),
    imported: z.number().int(),
    skipped: z.number().int().openapi({
      description: 'Rows whose legacy reference was enrolled before: a retried or resumed upload skips them',
    }),
    rejected: z.number().int(),
    warnings: z.number().int(),
    batches: z.number().int(),
    rejections: z.array(
      z.object({
        line: z.number().int(),
        field: z.string(),
        reason: z.string(),
        warning: z.boolean().optional(),
        /** A possible duplicate: the NINs of the people enrolled with the same folded name, sex and date of birth. */
        candidates: z.array(z.string()).optional(),
      }),
    ),
  })
  .openapi('ImportReport');

export const importRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/imports',
    operationId: 'importLegacyRegister',
    permission: 'imports.create',
    tag: 'Persons',
    summary:
      'Enrol people from the legacy register (admin): NDJSON (one LegacyRegisterRow a line) or CSV, streamed, in journaled batches; re-sending a file skips those enrolled before',
    streamBody: { schema: legacyRow, mediaTypes: ['application/x-ndjson', 'text/csv'] },
    responses: {
      200: {
        description: 'What was imported, skipped and refused (the first 1,000 refusals listed)',
        schema: importReport,
      },
      ...errorResponses(400, 401, 403, 415),
    },
    async handle({ stream, headers }, ctx) {
      const rejections: Rejection[] = [];
      const format = String(headers['content-type']).startsWith('text/csv') ? 'csv' : 'ndjson';
      const report = await importLegacyRegister(
        ctx.deps,
        ctx,
        readRows(stream!, format, ctx.deps.config.IMPORT_MAX_LINE_BYTES),
        {
          source: 'upload',
          onRejection: (r) => {
            if (rejections.length < LISTED) rejections.push(r);
          },
        },
      );
      return { status: 200, body: { ...report, rejections } };
    },
  }),
];
