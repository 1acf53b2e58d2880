import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { unauthorized } from '../../http/problem';
import type { Model } from 'mongoose';
import type { TokenService } from './tokens';
import type { Secret } from './secrets';
import type { LoginThrottleDeps } from './throttle';
import type { User } from '../users/store';
import { ARGON2_OPTIONS, hashPassword } from '../users/commands';
import { issueRefreshToken, type RefreshDeps } from './refresh';
import { secretHash } from './secrets';
import { LoginThrottle } from './throttle';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/**
 * The answer to a successful sign-in (a new session) or refresh (the rotated token's session):
 * the access token names the session, so that signing out ends it at once, not when it expires.
 */
export async function tokenPair(
  deps: RefreshDeps & { tokens: TokenService },
  user: User,
  rotated?: { refreshToken: string; familyId: string },
): Promise<TokenPair> {
  const session = rotated?.familyId ?? randomBytes(16).toString('base64url');
  return {
    accessToken: deps.tokens.issueAccess(
      { id: user._id, role: user.role, office: user.office, ...(user.nin ? { nin: user.nin } : {}) },
      undefined,
      session,
    ),
    refreshToken: rotated?.refreshToken ?? (await issueRefreshToken(deps, user._id, session)),
    tokenType: 'Bearer',
    expiresIn: deps.tokens.ttlSeconds,
  };
}

/**
 * Checks a username and password. Unknown users are checked against a decoy hash, counted and
 * locked like real ones, and get the same answer, so neither time nor text tells which exist.
 */
let decoy: Promise<string> | undefined;

export async function passwordLogin(
  deps: LoginThrottleDeps & { models: { users: Model<User>; secrets: Model<Secret> } },
  username: string,
  password: string,
  ip: string | undefined,
): Promise<User> {
  decoy ??= hashPassword('decoy password that matches nothing at all');
  const throttle = new LoginThrottle(deps);
  const accountKey = LoginThrottle.accountKey('login', username);
  const addressKey = LoginThrottle.addressKey(ip);
  await throttle.begin(accountKey, addressKey);
  const user = await deps.models.users.findOne({ username }).lean<User>();
  const hash = user ? await secretHash(deps.models.secrets, user.secretId) : undefined;
  const ok = (await argon2.verify(hash ?? (await decoy), password)) && hash !== undefined;
  if (!user || !ok || user.disabled) {
    await throttle.failed(addressKey);
    throw unauthorized('Wrong username or password');
  }
  await throttle.succeeded(accountKey);
  // Parameters raised since this hash was made: store a new hash while we hold the password.
  if (hash && argon2.needsRehash(hash, ARGON2_OPTIONS)) {
    // The same password, hashed anew: not a change of account, so no journal entry.
    await deps.models.secrets.updateOne({ _id: user.secretId }, { $set: { hash: await hashPassword(password) } });
  }
  return user;
}
