import type { MaritalStatus } from '../common/schemas';
import type { IndexDeclaration } from '../../db/store';

export interface PersonName {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName?: string;
  latin?: { givenName: string; fatherName: string; grandfatherName: string; familyName?: string };
}

/** The entry of a person in the family register kept since the 1957 census: directorate, register (سجل), page (صحيفة). */
export interface FamilyRegister {
  directorate: string;
  register: number;
  page: number;
}

/** The mother's name as the National Card prints it: her given name and her father's. */
export interface MotherName {
  givenName: string;
  fatherName: string;
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
  maritalStatus: MaritalStatus;
  motherNin?: string;
  fatherNin?: string;
  legacyReference?: string;
  familyRegister?: FamilyRegister;
  /** `familyRegister` as one scalar (DIRECTORATE/REGISTER/PAGE): the indexed key of a page's people. */
  familyRegisterKey?: string;
  motherName?: MotherName;
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
  { key: { dateOfBirth: 1, _id: 1 }, serves: 'GET /v1/persons?dateOfBirth= (with or without q)' },
  { key: { familyRegisterKey: 1, _id: 1 }, serves: 'GET /v1/persons?familyRegister=: the people of one register page' },
  { key: { motherNin: 1 }, serves: 'GET /v1/persons/{nin}/family: the children of a mother' },
  { key: { fatherNin: 1 }, serves: 'GET /v1/persons/{nin}/family: the children of a father' },
];

/** A person as an enrolment, an import or a registered birth brings them. */
export interface NewPerson {
  nin: string;
  name: PersonName;
  sex: 'female' | 'male';
  dateOfBirth: string;
  placeOfBirth: Place;
  motherNin?: string;
  fatherNin?: string;
  legacyReference?: string;
  familyRegister?: FamilyRegister;
  motherName?: MotherName;
  recordIds?: string[];
}
