import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { afterCursor, pageQuery, pageView } from '../common/schemas';
import { changeUser, listUsers } from './changes';
import { createUserBody, roleEnum, userPage, userView } from './schemas';
import { createUser, presentUser } from './commands';

/** What these routes use. */
type RouteDeps = Parameters<typeof createUser>[0] & Parameters<typeof changeUser>[0];
const defineRoute = routesOf<RouteDeps>();

const userParams = z.object({ id: z.string().regex(/^u_[A-Za-z0-9_-]{16}$/, 'is not a user id') }).strict();

const changeUserBody = z
  .object({
    role: roleEnum.optional(),
    office: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an office code such as BGD')
      .optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give role, office or disabled')
  .openapi('ChangeUser', { example: { disabled: true } });

const listQuery = z
  .object({ role: z.enum([...roleEnum.options, 'citizen']).optional(), ...pageQuery(/^u_[A-Za-z0-9_-]{16}$/) })
  .strict();

export const userRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/users',
    operationId: 'createUser',
    permission: 'users.create',
    tag: 'Accounts',
    summary: 'Create a staff account (admin); the password must be 12+ characters and not a common one',
    body: createUserBody,
    responses: { 201: { description: 'Created', schema: userView }, ...errorResponses(400, 401, 403, 409, 422) },
    async handle({ body }, ctx) {
      const user = await createUser(ctx.deps, ctx, body);
      return { status: 201, body: presentUser(user) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/users',
    operationId: 'listUsers',
    permission: 'users.list',
    tag: 'Accounts',
    summary: 'List accounts (admin)',
    query: listQuery,
    responses: { 200: { description: 'A page of accounts', schema: userPage }, ...errorResponses(400, 401, 403) },
    async handle({ query }, { deps }) {
      const page = await listUsers(deps.users, {
        ...afterCursor(query),
        ...(query.role ? { role: query.role } : {}),
      });
      return { status: 200, body: pageView(page, presentUser) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/users/{id}',
    operationId: 'changeUser',
    permission: 'users.change',
    tag: 'Accounts',
    summary: "Change an account's role, office or disabled flag (admin); journaled",
    params: userParams,
    body: changeUserBody,
    responses: { 200: { description: 'Changed', schema: userView }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    async handle({ params, body }, ctx) {
      return { status: 200, body: presentUser(await changeUser(ctx.deps, ctx, params.id, body)) };
    },
  }),
];
