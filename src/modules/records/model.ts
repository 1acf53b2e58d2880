import { Schema, type Connection, type Model } from 'mongoose';

export type RecordKind = 'birth' | 'marriage' | 'divorce' | 'death';
export type RecordStatus = 'declared' | 'registered' | 'rejected' | 'voided';

/** Projection of a civil status record (a declaration and what became of it). */
export interface CivilRecord {
  _id: string;
  kind: RecordKind;
  status: RecordStatus;
  office: string;
  /** The declared facts, as corrected since. */
  data: Record<string, unknown>;
  declaredBy: { id: string; office?: string };
  declaredAt: string;
  registrationNumber?: string;
  registeredBy?: string;
  registeredAt?: string;
  /** NIN of the person the record is about (the child of a registered birth). */
  subjectNin?: string;
  /** NINs of everyone the record names, for "records of this person". */
  personNins: string[];
  rejectionReason?: string;
  voidReason?: string;
  updatedAt: string;
  version: number;
  seq: number;
}

const recordSchema = new Schema<CivilRecord>({
  _id: String,
  kind: { type: String, required: true },
  status: { type: String, required: true },
  office: { type: String, required: true },
  data: { type: Schema.Types.Mixed, required: true },
  declaredBy: { type: Schema.Types.Mixed, required: true },
  declaredAt: { type: String, required: true },
  registrationNumber: String,
  registeredBy: String,
  registeredAt: String,
  subjectNin: String,
  personNins: { type: [String], default: [] },
  rejectionReason: String,
  voidReason: String,
  updatedAt: { type: String, required: true },
  version: { type: Number, required: true },
  seq: { type: Number, required: true },
}, { versionKey: false, minimize: false });

// Serves lookups of a record by its registration number (certificates, verification).
recordSchema.index({ registrationNumber: 1 });

export const recordModel = (conn: Connection): Model<CivilRecord> => conn.model<CivilRecord>('Record', recordSchema, 'records');
