import type { IndexDeclaration } from '../../db/store';

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

/** The legacy register's reference of an enrolled person: unique, so nobody is enrolled twice. */
export interface LegacyRef {
  /** The legacy register's reference. */
  _id: string;
  nin: string;
  sex: 'female' | 'male';
  seq: number;
}

export const PERSON_INDEXES: IndexDeclaration[] = [
  { key: { searchTokens: 1, _id: 1 }, serves: "GET /v1/persons?q=: every query token among the person's tokens ($all), in NIN order" },
  { key: { dateOfBirth: 1, _id: 1 }, serves: 'GET /v1/persons?dateOfBirth= without q' },
];
