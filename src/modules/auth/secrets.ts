import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The hash of a secret (a password, a client secret, an activation code), kept beside the journal
 * and never in it. It is written before the journal entry that puts it to use, which names it by
 * its random id: a crash in between leaves a hash nothing refers to, never a change without its
 * audit entry.
 */
export interface Secret {
  _id: string;
  hash: string;
  createdAt: Date;
}

const secretSchema = new Schema<Secret>(
  { _id: String, hash: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false },
);

export const secretModel = (conn: Connection): Model<Secret> => conn.model<Secret>('Secret', secretSchema, 'secrets');

/** Stores a hash under a new random id, for a journal entry to name. */
export async function storeSecret(secrets: Model<Secret>, hash: string): Promise<string> {
  const id = `s_${randomBytes(16).toString('base64url')}`;
  await secrets.create({ _id: id, hash, createdAt: new Date() });
  return id;
}

export async function secretHash(secrets: Model<Secret>, id: string | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  return (await secrets.findById(id).lean())?.hash;
}
