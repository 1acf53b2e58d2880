import { randomBytes } from 'node:crypto';
import { trusted } from 'mongoose';
import { isDuplicateKey } from '../../db/errors';
import { unauthorized } from '../../http/problem';
import { sha256Hex } from '../../journal/hash';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { RefreshToken, RevokedFamily } from './refresh-model';

/** What refresh tokens use. */
export interface RefreshDeps {
  models: { refreshTokens: Model<RefreshToken>; revokedFamilies: Model<RevokedFamily> };
  config: Pick<Config, 'REFRESH_TOKEN_TTL_SECONDS'>;
  log: Logger;
}

// Our own operator: sanitizeFilter would otherwise neutralise it as if it came from a caller.
const notSet = trusted({ $exists: false });

/** A new opaque refresh token in a family (a new family for a new login). */
export async function issueRefreshToken(
  deps: RefreshDeps,
  userId: string,
  familyId = randomBytes(16).toString('base64url'),
): Promise<string> {
  const token = `rt_${randomBytes(32).toString('base64url')}`;
  await deps.models.refreshTokens.create({
    _id: sha256Hex(token),
    userId,
    familyId,
    expiresAt: new Date(Date.now() + deps.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
  });
  return token;
}

/**
 * Uses a refresh token once: returns its user and a new token of the same family. A token used
 * before (or raced by a second use) is taken as stolen: its whole family is revoked.
 */
export async function rotateRefreshToken(
  deps: RefreshDeps,
  token: string,
): Promise<{ userId: string; refreshToken: string; familyId: string }> {
  const { refreshTokens } = deps.models;
  const id = sha256Hex(token);
  const stored = await refreshTokens.findById(id).lean();
  const refused = unauthorized('The refresh token is invalid, expired or revoked; sign in again');
  if (!stored || stored.revokedAt || stored.expiresAt < new Date()) throw refused;
  if (await deps.models.revokedFamilies.exists({ _id: stored.familyId })) throw refused;
  // The claim is one atomic conditional update: of two uses at once, exactly one wins.
  const claimed = stored.usedAt
    ? { modifiedCount: 0 }
    : await refreshTokens.updateOne({ _id: id, usedAt: notSet }, { $set: { usedAt: new Date() } });
  if (claimed.modifiedCount !== 1) {
    await revokeFamily(deps, stored.familyId);
    deps.log.warn({ userId: stored.userId }, 'a rotated refresh token was used again: its family is revoked');
    throw refused;
  }
  return {
    userId: stored.userId,
    familyId: stored.familyId,
    refreshToken: await issueRefreshToken(deps, stored.userId, stored.familyId),
  };
}

/**
 * Revokes a family: marks it first (so a token a racing rotation issues into it afterwards is
 * refused too, whatever the interleaving), then each of its tokens.
 */
export async function revokeFamily(deps: RefreshDeps, familyId: string): Promise<void> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + deps.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
  await deps.models.revokedFamilies
    .updateOne({ _id: familyId }, { $setOnInsert: { revokedAt: now, expiresAt } }, { upsert: true })
    .catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err; // revoked by a racing call: the mark is there
    });
  await deps.models.refreshTokens.updateMany({ familyId, revokedAt: notSet }, { $set: { revokedAt: now } });
}

/**
 * Signs a user out: the family of this refresh token stops working, if it is theirs, and so does
 * the session of the access token used to sign out (its access tokens name it: `sid`). Answers
 * the sessions ended, so this process forgets what it knew of them at once.
 */
export async function revokeRefreshToken(
  deps: RefreshDeps,
  token: string,
  userId: string,
  session?: string,
): Promise<string[]> {
  const stored = await deps.models.refreshTokens.findById(sha256Hex(token)).lean();
  const ended = new Set<string>();
  if (stored && stored.userId === userId) ended.add(stored.familyId);
  if (session) ended.add(session);
  for (const family of ended) await revokeFamily(deps, family);
  return [...ended];
}

export async function revokeAllOf(deps: RefreshDeps, userId: string): Promise<void> {
  await deps.models.refreshTokens.updateMany({ userId, revokedAt: notSet }, { $set: { revokedAt: new Date() } });
}
