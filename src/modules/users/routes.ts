import { commandContext } from '../../http/context';
import { defineRoute } from '../../http/route';
import type { Services } from '../../services';
import { errorResponses } from '../common/responses';
import { createUserBody, userView } from './schemas';
import { createUser, presentUser } from './service';

export const userRoutes = (services: Services) => [
  defineRoute({
    method: 'post', path: '/v1/users', permission: 'users.create', tag: 'Accounts',
    summary: 'Create a user (admin)', body: createUserBody,
    responses: { 201: { description: 'Created', schema: userView }, ...errorResponses(400, 401, 403, 409, 422) },
    async handle({ body, ...input }) {
      const user = await createUser(services, commandContext(input), body);
      return { status: 201, body: presentUser(user) };
    },
  }),
];
