import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { isDuplicateKey } from '../../db/errors';
import { conflict, unprocessable } from '../../http/problem';
import type { CommandContext, Role } from '../../journal/types';
import type { Services } from '../../services';
import { officeExists } from '../offices/service';
import { checkPassword } from './password-policy';
import type { User } from './model';

/** argon2id parameters (OWASP's first recommendation: 19 MiB, 2 passes, 1 lane). */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  office: string;
  nin?: string;
}

/** Creates a user; the journal records who created whom (never the password or its hash). */
export async function createUser(services: Services, ctx: CommandContext, input: NewUser): Promise<User> {
  checkPassword(input.password, input.username);
  if (!(await officeExists(services.offices, input.office))) throw unprocessable(`No office ${input.office}`, 'unknown-office');
  if (await services.models.users.exists({ username: input.username })) throw conflict(`The username ${input.username} is taken`, 'username-taken');
  const user: User = {
    _id: `u_${randomBytes(12).toString('base64url')}`, // 16 characters after u_
    username: input.username,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    office: input.office,
    disabled: false,
    ...(input.nin ? { nin: input.nin } : {}),
    createdAt: new Date().toISOString(),
    seq: 0,
  };
  try {
    await services.models.users.create(user);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict(`The username ${input.username} is taken`, 'username-taken');
    throw err;
  }
  await services.journal.execute(ctx, async () => ({
    type: 'user.created',
    entityIds: [user._id],
    data: { userId: user._id, username: user.username, role: user.role, office: user.office, ...(user.nin ? { nin: user.nin } : {}) },
  }));
  return user;
}

/** The first admin, from BOOTSTRAP_ADMIN_*, when the database has no user at all. */
export async function bootstrapAdmin(services: Services): Promise<void> {
  const { BOOTSTRAP_ADMIN_USERNAME: username, BOOTSTRAP_ADMIN_PASSWORD: password, BOOTSTRAP_ADMIN_OFFICE: office } = services.config;
  if (!username || !password) return;
  if ((await services.models.users.estimatedDocumentCount()) > 0) return;
  await createUser(services, { actor: { id: 'system', role: 'system' }, requestId: 'bootstrap' }, { username, password, role: 'admin', office });
  services.log.info({ username }, 'created the bootstrap admin');
}

export function presentUser(u: User) {
  return { id: u._id, username: u.username, role: u.role, office: u.office, disabled: u.disabled };
}
