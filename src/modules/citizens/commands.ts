import type { CitizenEvents } from './events';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { conflict, unauthorized, unprocessable } from '../../http/problem';
import { sha256Hex } from '../../journal/hash';
import type { CommandContext } from '../../journal/types';
import type { Model } from 'mongoose';
import type { Journal } from '../../journal/journal';
import type { Config } from '../../config';
import type { Secret } from '../auth/secrets';
import type { LoginThrottleDeps } from '../auth/throttle';
import type { PersonStore } from '../persons/projectors';
import { secretHash, storeSecret } from '../auth/secrets';
import type { ActivationCode } from './store';
import { LoginThrottle } from '../auth/throttle';
import { GOVERNORATES } from '../common/governorates';
import { findPerson } from '../persons/commands';
import type { User } from '../users/store';
import { createUser, type CreateUserDeps } from '../users/commands';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACTIVATION_CODE_HOURS = 72;

const hashCode = (nin: string, code: string) => sha256Hex(`${nin}:${code.replace(/-/g, '').toUpperCase()}`);

/**
 * A one-time code an officer hands to a living person (on paper, at the counter) so they can open
 * a citizen account: 8 characters in two groups of four (K7QM-2XPD), valid 72 hours, stored hashed, journaled.
 */
export async function issueActivationCode(
  deps: {
    persons: PersonStore;
    models: { users: Model<User>; secrets: Model<Secret> };
    journal: Journal<CitizenEvents>;
  },
  ctx: CommandContext,
  nin: string,
) {
  const person = await findPerson(deps.persons, nin);
  if (person.status !== 'alive')
    throw unprocessable('Only a living person can have a citizen account', 'person-deceased');
  if (await deps.models.users.exists({ username: nin }))
    throw conflict('This person already has a citizen account', 'already-activated');
  const raw = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(Date.now() + ACTIVATION_CODE_HOURS * 3_600_000);
  // The hash first, then the entry that puts it to use (see secrets.ts), then its projection.
  const secretId = await storeSecret(deps.models.secrets, hashCode(nin, code));
  await deps.journal.execute(ctx, async () => ({
    type: 'citizen.activation-code-issued',
    entityIds: [nin],
    data: { nin, expiresAt: expiresAt.toISOString(), secretId },
  }));
  return { code, expiresAt: expiresAt.toISOString() };
}

/** A person's live activation code is the last one issued; a new code replaces the old. */
export function registerActivationCodeProjectors(
  journal: Journal<CitizenEvents>,
  activationCodes: Model<ActivationCode>,
): void {
  journal.on('citizen.activation-code-issued', async (entry) => {
    const { nin, expiresAt, secretId } = entry.data;
    await activationCodes.replaceOne(
      { _id: nin },
      { _id: nin, secretId, expiresAt: new Date(expiresAt), issuedBy: entry.actor.id },
      { upsert: true },
    );
  });
}

/** Opens the citizen account of the code's person; wrong codes count towards lockout. */
export async function activateCitizen(
  deps: CreateUserDeps &
    LoginThrottleDeps & {
      persons: PersonStore;
      config: Config;
      models: { activationCodes: Model<ActivationCode> };
    },
  input: { nin: string; code: string; password: string },
  ip: string | undefined,
): Promise<User> {
  const throttle = new LoginThrottle(deps);
  const accountKey = LoginThrottle.accountKey('activation', input.nin);
  const addressKey = LoginThrottle.addressKey(ip);
  await throttle.begin(accountKey, addressKey);
  const stored = await deps.models.activationCodes.findById(input.nin).lean();
  const given = Buffer.from(hashCode(input.nin, input.code));
  const hash =
    stored && stored.expiresAt > new Date() ? await secretHash(deps.models.secrets, stored.secretId) : undefined;
  const valid = hash !== undefined && hash.length === given.length && timingSafeEqual(Buffer.from(hash), given);
  if (!valid) {
    await throttle.failed(addressKey);
    throw unauthorized('The NIN and activation code do not match, or the code expired');
  }
  const person = await findPerson(deps.persons, input.nin);
  if (person.status !== 'alive')
    throw unprocessable('Only a living person can have a citizen account', 'person-deceased');
  const office = GOVERNORATES.find((g) => g.code === person.placeOfBirth.governorate)?.office ?? 'BGD';
  const user = await createUser(
    deps,
    { actor: { id: `citizen:${input.nin}`, role: 'citizen' }, requestId: 'activation' },
    {
      username: input.nin,
      password: input.password,
      role: 'citizen',
      office,
      nin: input.nin,
    },
  );
  // The code is consumed by the projection of the account's user.created entry.
  await throttle.succeeded(accountKey);
  return user;
}
