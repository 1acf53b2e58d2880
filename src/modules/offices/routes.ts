import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { place } from '../common/schemas';
import { createOffice, listOffices } from './commands';
import { OFFICE_TYPES } from './store';

/** What these routes use. */
type RouteDeps = Parameters<typeof createOffice>[0];
const defineRoute = routesOf<RouteDeps>();

const createOfficeBody = z
  .object({
    code: z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters'),
    name: z.string().trim().min(3).max(120),
    governorate: place.shape.governorate,
    type: z
      .enum(OFFICE_TYPES)
      .default('civil-status-office')
      .describe('A civil-status office keeps the register; a community service centre serves citizens at a counter'),
  })
  .strict()
  .openapi('CreateOffice', { example: { code: 'KRH', name: 'Karkh civil status office', governorate: 'IQ-BG' } });

const officeView = z
  .object({
    code: z.string(),
    name: z.string(),
    governorate: z.string(),
    type: z.enum(OFFICE_TYPES),
    builtIn: z.boolean(),
  })
  .openapi('Office');

export const officeRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/offices',
    operationId: 'listOffices',
    permission: 'offices.list',
    tag: 'Offices',
    summary: 'All offices: the 18 governorate main offices and those added',
    responses: {
      200: { description: 'Offices', schema: z.object({ items: z.array(officeView) }) },
      ...errorResponses(401, 403),
    },
    async handle(_input, { deps }) {
      return { status: 200, body: { items: await listOffices(deps.offices) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/offices',
    operationId: 'createOffice',
    permission: 'offices.create',
    tag: 'Offices',
    summary: 'Add an office (admin)',
    body: createOfficeBody,
    responses: { 201: { description: 'Added', schema: officeView }, ...errorResponses(400, 401, 403, 409) },
    async handle({ body }, ctx) {
      return { status: 201, body: await createOffice(ctx.deps, ctx, body) };
    },
  }),
];
