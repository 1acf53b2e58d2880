import argon2 from 'argon2';
import { defineRoute } from '../../http/route';
import { z } from '../../http/zod';
import { unauthorized } from '../../http/problem';
import type { Services } from '../../services';
import { errorResponses } from '../common/responses';
import type { User } from '../users/model';
import { hashPassword } from '../users/service';

const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
}).strict().openapi('Login', { example: { username: 'registrar.karkh', password: 'correct horse battery' } });

const tokenView = z.object({
  accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int(),
}).openapi('AccessToken');

export const authRoutes = (services: Services) => {
  // Unknown usernames are checked against this hash too, so both answers take as long.
  const decoy = hashPassword('decoy password that matches nothing');
  return [
    defineRoute({
      method: 'post', path: '/v1/auth/login', permission: 'auth.login', tag: 'Accounts',
      summary: 'Sign in with username and password', body: loginBody,
      responses: { 200: { description: 'Signed in', schema: tokenView }, ...errorResponses(400, 401) },
      async handle({ body }) {
        const user = await services.models.users.findOne({ username: body.username }).lean<User>();
        const ok = await argon2.verify(user?.passwordHash ?? (await decoy), body.password);
        if (!user || !ok || user.disabled) throw unauthorized('Wrong username or password');
        return {
          status: 200,
          body: { accessToken: services.tokens.issueAccess({ id: user._id, role: user.role, office: user.office }), tokenType: 'Bearer', expiresIn: services.tokens.ttlSeconds },
          headers: { 'Cache-Control': 'no-store' },
        };
      },
    }),
  ];
};
