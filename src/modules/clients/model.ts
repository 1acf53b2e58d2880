import { Schema, type Connection, type Model } from 'mongoose';
import type { Scope } from '../../journal/types';

/** A sectoral system (hospital, school, ministry) that calls the API with client credentials. */
export interface Client {
  _id: string;
  name: string;
  scopes: Scope[];
  /** argon2id hash of the secret; the secret itself is shown once and never stored. */
  secretHash: string;
  disabled: boolean;
  createdAt: string;
  seq: number;
}

const clientSchema = new Schema<Client>(
  {
    _id: String,
    name: { type: String, required: true },
    scopes: { type: [String], required: true },
    secretHash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    createdAt: { type: String, required: true },
    seq: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export const clientModel = (conn: Connection): Model<Client> => conn.model<Client>('Client', clientSchema, 'clients');
