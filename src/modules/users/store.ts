import type { IndexDeclaration } from '../../db/store';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Role } from '../../journal/types';

export interface User {
  _id: string;
  username: string;
  /** The id of the password's hash in `secrets` (the hash never enters the journal). */
  secretId: string;
  role: Role;
  office: string;
  disabled: boolean;
  /** A citizen's NIN (their username too). */
  nin?: string;
  createdAt: string;
  /** Seq of the last journal entry applied to this account. */
  seq: number;
}

const userSchema = new Schema<User>(
  {
    _id: String,
    username: { type: String, required: true },
    secretId: { type: String, required: true },
    role: { type: String, required: true },
    office: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    nin: String,
    createdAt: { type: String, required: true },
    seq: { type: Number, default: 0 },
  },
  { versionKey: false },
);

// Serves login by username, and makes usernames unique.
userSchema.index({ username: 1 }, { unique: true });

export const USER_INDEXES: IndexDeclaration[] = [
  { key: { username: 1 }, unique: true, serves: 'login by username; makes usernames unique' },
];

export const userModel = (conn: Connection): Model<User> => conn.model<User>('User', userSchema, 'users');
