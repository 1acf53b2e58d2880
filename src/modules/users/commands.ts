import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { conflict, unprocessable } from '../../http/problem';
import type { CommandContext, Role } from '../../journal/types';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { ProjectionStore } from '../../db/store';
import type { Journal } from '../../journal/journal';
import type { Secret } from '../auth/secrets';
import type { OfficeStore } from '../offices/commands';
import type { UserEvents } from './events';
import { storeSecret } from '../auth/secrets';
import { officeType } from '../offices/commands';
import { checkPassword } from './password-policy';
import type { User } from './store';

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

/**
 * Creates a user through the journal: the password's hash goes to `secrets` first, then the
 * entry (who created whom, never the password or its hash) is appended and projected.
 */
export interface CreateUserDeps {
  offices: OfficeStore;
  models: { users: Model<User>; secrets: Model<Secret> };
  journal: Journal<UserEvents>;
  users: ProjectionStore<User>;
}

/**
 * A role where it belongs: a community service centre's staff are its service clerks, and a
 * service clerk works at a centre (the counter has no register to keep); a citizen has no office.
 */
export async function requireRoleAtOffice(offices: OfficeStore, role: Role, office: string): Promise<void> {
  const type = await officeType(offices, office);
  if (!type) throw unprocessable(`No office ${office}`, 'unknown-office');
  if (role === 'citizen') return;
  const atCentre = type === 'community-service-centre';
  if (atCentre !== (role === 'service-clerk'))
    throw unprocessable(
      atCentre
        ? `${office} is a community service centre: its staff are service clerks`
        : `A service clerk works at a community service centre; ${office} is a civil-status office`,
      'role-not-at-office',
    );
}

export async function createUser(deps: CreateUserDeps, ctx: CommandContext, input: NewUser): Promise<User> {
  checkPassword(input.password, input.username);
  await requireRoleAtOffice(deps.offices, input.role, input.office);
  const taken = () => deps.models.users.exists({ username: input.username });
  if (await taken()) throw conflict(`The username ${input.username} is taken`, 'username-taken');
  const secretId = await storeSecret(deps.models.secrets, await hashPassword(input.password));
  const userId = `u_${randomBytes(12).toString('base64url')}`; // 16 characters after u_
  await deps.journal.execute(ctx, async () => {
    if (await taken()) throw conflict(`The username ${input.username} is taken`, 'username-taken');
    return {
      type: 'user.created',
      entityIds: [userId],
      data: {
        userId,
        username: input.username,
        role: input.role,
        office: input.office,
        secretId,
        ...(input.nin ? { nin: input.nin } : {}),
      },
    };
  });
  const user = await deps.users.get(userId);
  if (!user) throw new Error(`user ${userId} was appended but not projected`);
  return user;
}

/** The first admin, from BOOTSTRAP_ADMIN_*, when the database has no user at all. */
export async function bootstrapAdmin(deps: CreateUserDeps & { config: Config; log: Logger }): Promise<void> {
  const {
    BOOTSTRAP_ADMIN_USERNAME: username,
    BOOTSTRAP_ADMIN_PASSWORD: password,
    BOOTSTRAP_ADMIN_OFFICE: office,
  } = deps.config;
  if (!username || !password) return;
  if ((await deps.models.users.estimatedDocumentCount()) > 0) return;
  await createUser(
    deps,
    { actor: { id: 'system', role: 'system' }, requestId: 'bootstrap' },
    { username, password, role: 'admin', office },
  );
  deps.log.info({ username }, 'created the bootstrap admin');
}

export function presentUser(u: User) {
  return { id: u._id, username: u.username, role: u.role, office: u.office, disabled: u.disabled };
}
