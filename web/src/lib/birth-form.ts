import type { components } from '../api/schema';
import type { FieldPath, PostBody } from '../api/types';
import { latinDigits, ninProblem } from './nin';

type Governorate = components['schemas']['Place']['governorate'];
type BirthBody = components['schemas']['DeclareBirth'];
type PlaceType = NonNullable<BirthBody['child']['placeOfBirthType']>;
type Attendant = NonNullable<BirthBody['attendant']>;
/** The choices of a birth's type of place and attendant, as the route's schema names them. */
export const PLACE_TYPES = [
  'hospital',
  'other-health-facility',
  'home',
  'other',
] as const satisfies readonly PlaceType[];

/** The birth form's fields, named by where they go in the body of POST /v1/births. */
export const BIRTH_FIELDS = [
  'child.givenName',
  'child.fatherName',
  'child.grandfatherName',
  'child.familyName',
  'child.sex',
  'child.dateOfBirth',
  'child.placeOfBirth.governorate',
  'child.placeOfBirth.facility',
  'child.placeOfBirthType',
  'attendant',
  'mother.nin',
  'father.nin',
] as const satisfies readonly FieldPath<PostBody<'/v1/births'>>[];
export type BirthField = (typeof BIRTH_FIELDS)[number];
export type BirthValues = Record<BirthField, string>;

export const emptyBirth = (): BirthValues => Object.fromEntries(BIRTH_FIELDS.map((f) => [f, ''])) as BirthValues;

/** The service's refusals (problem `code`) that are about one field of the form. */
export const BIRTH_CODES: Record<string, BirthField> = {
  'mother-not-found': 'mother.nin',
  'father-not-found': 'father.nin',
  'child-name-incomplete': 'child.fatherName',
};

const REQUIRED: readonly BirthField[] = [
  'child.givenName',
  'child.sex',
  'child.dateOfBirth',
  'child.placeOfBirth.governorate',
  'mother.nin',
];
const NAMES: readonly BirthField[] = [
  'child.givenName',
  'child.fatherName',
  'child.grandfatherName',
  'child.familyName',
];
// As the service's name schema: Arabic letters, marks, spaces, apostrophes, ZWNJ and hyphens.
export const ARABIC_NAME = /^(?=.*\p{L})(?:(?=\p{L})\p{sc=Arabic}|\p{M}|[ '\u2019\u200C-])+$/u;

/** Message keys (under `check.`) for what the form can tell before sending; empty when it may go. */
export function checkBirth(v: BirthValues, today: string): Partial<Record<BirthField, string>> {
  const problems: Partial<Record<BirthField, string>> = {};
  for (const f of REQUIRED) if (!v[f].trim()) problems[f] = 'required';
  for (const f of NAMES) if (v[f].trim() && !ARABIC_NAME.test(v[f].trim())) problems[f] = 'arabic';
  for (const f of ['mother.nin', 'father.nin'] as const) {
    const problem = v[f].trim() ? ninProblem(v[f]) : undefined;
    if (problem) problems[f] = problem;
  }
  if (v['child.dateOfBirth'] && v['child.dateOfBirth'] > today) problems['child.dateOfBirth'] = 'future';
  return problems;
}

/** The body of POST /v1/births from the form: optional fields left out when empty. */
export function birthBody(v: BirthValues): components['schemas']['DeclareBirth'] {
  const text = (f: BirthField) => v[f].trim() || undefined;
  const nin = (f: BirthField) => latinDigits(v[f]).replace(/\s/g, '');
  return {
    child: {
      givenName: v['child.givenName'].trim(),
      fatherName: text('child.fatherName'),
      grandfatherName: text('child.grandfatherName'),
      familyName: text('child.familyName'),
      sex: v['child.sex'] as 'female' | 'male',
      dateOfBirth: v['child.dateOfBirth'],
      placeOfBirth: {
        governorate: v['child.placeOfBirth.governorate'] as Governorate,
        facility: text('child.placeOfBirth.facility'),
      },
      ...(v['child.placeOfBirthType'] ? { placeOfBirthType: v['child.placeOfBirthType'] as PlaceType } : {}),
    },
    ...(v.attendant ? { attendant: v.attendant as Attendant } : {}),
    mother: { nin: nin('mother.nin') },
    ...(v['father.nin'].trim() ? { father: { nin: nin('father.nin') } } : {}),
  };
}
