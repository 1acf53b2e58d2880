import { Schema, type Connection, type Model } from 'mongoose';

/** The one live activation code of a person, stored hashed; a new code replaces the old. */
export interface ActivationCode {
  _id: string;
  /** The id of the code's hash in `secrets`. */
  secretId: string;
  expiresAt: Date;
  issuedBy: string;
}

const activationCodeSchema = new Schema<ActivationCode>(
  {
    _id: String,
    secretId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    issuedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export const activationCodeModel = (conn: Connection): Model<ActivationCode> =>
  conn.model<ActivationCode>('ActivationCode', activationCodeSchema, 'activation_codes');
