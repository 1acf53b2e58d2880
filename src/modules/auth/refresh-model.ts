import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A refresh token, stored as the SHA-256 of the token (the token itself is never stored).
 * Tokens rotated from one login form a family; reusing a rotated token revokes the family.
 */
export interface RefreshToken {
  _id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt?: Date;
  revokedAt?: Date;
}

const refreshTokenSchema = new Schema<RefreshToken>(
  {
    _id: String,
    userId: { type: String, required: true },
    familyId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: Date,
    revokedAt: Date,
  },
  { versionKey: false },
);

// Serves revoking a whole family (reuse detected, logout) and all of a user's (account disabled).
refreshTokenSchema.index({ familyId: 1 });
refreshTokenSchema.index({ userId: 1 });

/**
 * A family revoked (reuse detected, logout, account disabled): every token of it is refused,
 * including one issued after the revocation by a rotation that raced it. Kept as long as a token
 * of it could still be valid.
 */
export interface RevokedFamily {
  _id: string;
  revokedAt: Date;
  expiresAt: Date;
}

const revokedFamilySchema = new Schema<RevokedFamily>(
  { _id: String, revokedAt: { type: Date, required: true }, expiresAt: { type: Date, required: true } },
  { versionKey: false },
);

export const revokedFamilyModel = (conn: Connection): Model<RevokedFamily> =>
  conn.model<RevokedFamily>('RevokedFamily', revokedFamilySchema, 'refresh_families_revoked');

export const refreshTokenModel = (conn: Connection): Model<RefreshToken> =>
  conn.model<RefreshToken>('RefreshToken', refreshTokenSchema, 'refresh_tokens');
