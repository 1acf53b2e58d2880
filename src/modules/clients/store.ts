import { Schema, type Connection, type Model } from 'mongoose';
import type { Scope } from '../../journal/types';

/** A sectoral system (hospital, school, ministry) that calls the API with client credentials. */
export interface Client {
  _id: string;
  name: string;
  scopes: Scope[];
  /** The id of the argon2id hash of its secret in `secrets`; the secret itself is shown once and never stored. */
  secretId: string;
  disabled: boolean;
  createdAt: string;
  seq: number;
}

const clientSchema = new Schema<Client>(
  {
    _id: String,
    name: { type: String, required: true },
    scopes: { type: [String], required: true },
    secretId: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    createdAt: { type: String, required: true },
    seq: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export const clientModel = (conn: Connection): Model<Client> => conn.model<Client>('Client', clientSchema, 'clients');
