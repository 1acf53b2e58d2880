import { Schema, type Connection, type Model } from 'mongoose';

export interface PersonName {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName?: string;
  latin?: { givenName: string; fatherName: string; grandfatherName: string; familyName?: string };
}

export interface Place {
  governorate: string;
  district?: string;
  facility?: string;
}

/** Projection of a person, keyed by NIN. */
export interface Person {
  _id: string;
  name: PersonName;
  sex: 'female' | 'male';
  dateOfBirth: string;
  placeOfBirth: Place;
  status: 'alive' | 'deceased';
  dateOfDeath?: string;
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
  motherNin?: string;
  fatherNin?: string;
  legacyReference?: string;
  recordIds: string[];
  /** Normalised name tokens (Arabic and Latin) for search. */
  searchTokens: string[];
  createdAt: string;
  version: number;
  seq: number;
}

const personSchema = new Schema<Person>({
  _id: String,
  name: { type: Schema.Types.Mixed, required: true },
  sex: { type: String, required: true },
  dateOfBirth: { type: String, required: true },
  placeOfBirth: { type: Schema.Types.Mixed, required: true },
  status: { type: String, required: true },
  dateOfDeath: String,
  maritalStatus: { type: String, required: true },
  motherNin: String,
  fatherNin: String,
  legacyReference: String,
  recordIds: { type: [String], default: [] },
  searchTokens: { type: [String], default: [] },
  createdAt: { type: String, required: true },
  version: { type: Number, required: true },
  seq: { type: Number, required: true },
}, { versionKey: false, minimize: false });

// Serves GET /v1/persons?q=: every query token must be among the person's tokens ($all), by NIN order.
personSchema.index({ searchTokens: 1, _id: 1 });
// Serves GET /v1/persons?dateOfBirth= without q.
personSchema.index({ dateOfBirth: 1, _id: 1 });

export const personModel = (conn: Connection): Model<Person> => conn.model<Person>('Person', personSchema, 'persons');
