import { Schema, type Connection, type Model } from 'mongoose';

/** Recent failures of one account (`u:<hash of username>`) or one address (`a:<ip>`). */
export interface Throttle {
  _id: string;
  failures: number;
  windowStart: Date;
  lockedUntil?: Date;
}

const throttleSchema = new Schema<Throttle>(
  {
    _id: String,
    failures: { type: Number, required: true },
    windowStart: { type: Date, required: true },
    lockedUntil: Date,
  },
  { versionKey: false },
);

export const throttleModel = (conn: Connection): Model<Throttle> =>
  conn.model<Throttle>('Throttle', throttleSchema, 'login_throttles');
