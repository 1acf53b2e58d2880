import argon2 from 'argon2';
import { unauthorized } from '../../http/problem';
import type { Services } from '../../services';
import type { User } from '../users/model';
import { ARGON2_OPTIONS, hashPassword } from '../users/service';
import { issueRefreshToken } from './refresh';
import { LoginThrottle } from './throttle';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** The answer to a successful sign-in or refresh. */
export async function tokenPair(services: Services, user: User, refreshToken?: string): Promise<TokenPair> {
  return {
    accessToken: services.tokens.issueAccess({ id: user._id, role: user.role, office: user.office, ...(user.nin ? { nin: user.nin } : {}) }),
    refreshToken: refreshToken ?? (await issueRefreshToken(services, user._id)),
    tokenType: 'Bearer',
    expiresIn: services.tokens.ttlSeconds,
  };
}

/**
 * Checks a username and password. Unknown users are checked against a decoy hash, counted and
 * locked like real ones, and get the same answer, so neither time nor text tells which exist.
 */
let decoy: Promise<string> | undefined;

export async function passwordLogin(services: Services, username: string, password: string, ip: string | undefined): Promise<User> {
  decoy ??= hashPassword('decoy password that matches nothing at all');
  const throttle = new LoginThrottle(services);
  const accountKey = LoginThrottle.accountKey('login', username);
  const addressKey = LoginThrottle.addressKey(ip);
  await throttle.begin(accountKey, addressKey);
  const user = await services.models.users.findOne({ username }).lean<User>();
  const ok = await argon2.verify(user?.passwordHash ?? (await decoy), password);
  if (!user || !ok || user.disabled) {
    await throttle.failed(addressKey);
    throw unauthorized('Wrong username or password');
  }
  await throttle.succeeded(accountKey);
  // Parameters raised since this hash was made: store a new hash while we hold the password.
  if (argon2.needsRehash(user.passwordHash, ARGON2_OPTIONS)) {
    await services.models.users.updateOne({ _id: user._id }, { $set: { passwordHash: await hashPassword(password) } });
  }
  return user;
}
