import { Schema, type Connection, type Model } from 'mongoose';

/** Offices added by admins; the 18 governorate main offices are reference data in code. */
export interface Office {
  _id: string;
  name: string;
  governorate: string;
  seq: number;
}

const officeSchema = new Schema<Office>({
  _id: String,
  name: { type: String, required: true },
  governorate: { type: String, required: true },
  seq: { type: Number, required: true },
}, { versionKey: false });

export const officeModel = (conn: Connection): Model<Office> => conn.model<Office>('Office', officeSchema, 'offices');
