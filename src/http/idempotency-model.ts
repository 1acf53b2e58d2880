import { Schema, type Connection, type Model } from 'mongoose';

/** The first answer to a POST sent with an Idempotency-Key, keyed by a hash of caller, route and key. */
export interface IdempotencyRecord {
  _id: string;
  requestHash: string;
  state: 'pending' | 'done';
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** The answer showed a credential once (secretFields): kept without it, and not replayed. */
  secretWithheld?: boolean;
  /** Whose data the answer shows: a replay of it is written into their access logs too. */
  named?: string[];
  createdAt: Date;
}

const idempotencySchema = new Schema<IdempotencyRecord>(
  {
    _id: String,
    requestHash: { type: String, required: true },
    state: { type: String, required: true },
    status: Number,
    body: String,
    headers: Schema.Types.Mixed,
    secretWithheld: Boolean,
    named: { type: [String], default: undefined },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type IdempotencyModel = Model<IdempotencyRecord>;

export const idempotencyModel = (conn: Connection): IdempotencyModel =>
  conn.model<IdempotencyRecord>('Idempotency', idempotencySchema, 'idempotency');
