import { Schema, type Connection, type Model } from 'mongoose';
import type { Role } from '../../journal/types';

export interface User {
  _id: string;
  username: string;
  passwordHash: string;
  role: Role;
  office: string;
  disabled: boolean;
  createdAt: string;
}

const userSchema = new Schema<User>({
  _id: String,
  username: { type: String, required: true },
  passwordHash: { type: String, required: true },
  role: { type: String, required: true },
  office: { type: String, required: true },
  disabled: { type: Boolean, default: false },
  createdAt: { type: String, required: true },
}, { versionKey: false });

// Serves login by username, and makes usernames unique.
userSchema.index({ username: 1 }, { unique: true });

export const userModel = (conn: Connection): Model<User> => conn.model<User>('User', userSchema, 'users');
