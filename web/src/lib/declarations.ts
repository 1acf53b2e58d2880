import type { FieldPath, PostBody } from '../api/types';
import type { FieldSpec } from './declaration';

/**
 * The declaration forms other than the birth's (birth-form.ts): for each kind, the route, the
 * fields as the body names them (../openapi.yaml, src/modules/<kind>/schemas.ts), and the
 * service's refusals (problem `code`) that are about one field, shown beside it.
 */
type DeclarationPath = '/v1/marriages' | '/v1/divorces' | '/v1/deaths' | '/v1/foetal-deaths' | '/v1/annulments';

/**
 * A declaration form. Its fields' names are paths of its route's body as ../openapi.yaml types it
 * (generated into api/schema.d.ts), so a field renamed or dropped in the contract breaks the build.
 */
export interface Declaration<P extends DeclarationPath = DeclarationPath> {
  kind: 'marriage' | 'divorce' | 'death' | 'foetal-death' | 'annulment';
  path: P;
  fields: readonly FieldSpec<FieldPath<PostBody<P>>>[];
  codes: Record<string, FieldPath<PostBody<P>>>;
}

/** The values a choice field offers: exactly the codes the route's schema takes there. */
type Codes<P extends DeclarationPath, K extends keyof PostBody<P>> = readonly NonNullable<PostBody<P>[K]>[];

export const DIVORCE_TYPES = ['talaq', 'khula', 'judicial-separation', 'mutual-consent'] as const satisfies Codes<
  '/v1/divorces',
  'divorceType'
>;
export const MANNERS_OF_DEATH = [
  'disease',
  'accident',
  'intentional-self-harm',
  'assault',
  'legal-intervention',
  'war',
  'pending-investigation',
  'undetermined',
] as const satisfies Codes<'/v1/deaths', 'mannerOfDeath'>;
export const ATTENDANTS = ['physician', 'midwife', 'nurse', 'other'] as const satisfies Codes<
  '/v1/foetal-deaths',
  'attendant'
>;
export const ANNULMENT_GROUNDS = [
  'defect-of-contract',
  'incapacity',
  'coercion',
  'prohibited-degree',
  'temporary-impediment',
  'religion',
  'other',
] as const satisfies Codes<'/v1/annulments', 'ground'>;

export const MARRIAGE: Declaration<'/v1/marriages'> = {
  kind: 'marriage',
  path: '/v1/marriages',
  fields: [
    { name: 'partyA.nin', type: 'nin', required: true },
    { name: 'partyB.nin', type: 'nin', required: true },
    { name: 'dateOfMarriage', type: 'date', required: true },
    { name: 'placeOfMarriage.governorate', type: 'choice', required: true },
    { name: 'placeOfMarriage.facility', type: 'text' },
    { name: 'courtReference', type: 'court' },
  ],
  codes: {
    'date-in-future': 'dateOfMarriage',
    'under-age-without-court': 'courtReference',
    'court-order': 'courtReference',
    'same-person': 'partyB.nin',
  },
};

export const DIVORCE: Declaration<'/v1/divorces'> = {
  kind: 'divorce',
  path: '/v1/divorces',
  fields: [
    { name: 'marriageId', type: 'record', required: true },
    { name: 'dateOfDivorce', type: 'date', required: true },
    { name: 'courtReference', type: 'court', required: true },
    { name: 'divorceType', type: 'choice' },
  ],
  codes: {
    'marriage-not-registered': 'marriageId',
    'marriage-dissolved': 'marriageId',
    'marriage-annulled': 'marriageId',
    'divorce-before-marriage': 'dateOfDivorce',
    'date-in-future': 'dateOfDivorce',
  },
};

export const DEATH: Declaration<'/v1/deaths'> = {
  kind: 'death',
  path: '/v1/deaths',
  fields: [
    { name: 'deceased.nin', type: 'nin', required: true },
    { name: 'dateOfDeath', type: 'date', required: true },
    { name: 'placeOfDeath.governorate', type: 'choice', required: true },
    { name: 'placeOfDeath.facility', type: 'text' },
    { name: 'usualResidence.governorate', type: 'choice' },
    { name: 'causeOfDeath.icd10', type: 'icd10', required: true },
    { name: 'causeOfDeath.text', type: 'text' },
    { name: 'mannerOfDeath', type: 'choice' },
  ],
  codes: {
    'person-not-found': 'deceased.nin',
    'already-deceased': 'deceased.nin',
    'before-birth': 'dateOfDeath',
    'date-in-future': 'dateOfDeath',
  },
};

export const FOETAL_DEATH: Declaration<'/v1/foetal-deaths'> = {
  kind: 'foetal-death',
  path: '/v1/foetal-deaths',
  fields: [
    { name: 'mother.nin', type: 'nin', required: true },
    { name: 'dateOfDelivery', type: 'date', required: true },
    { name: 'placeOfDelivery.governorate', type: 'choice', required: true },
    { name: 'placeOfDelivery.facility', type: 'text' },
    { name: 'gestationWeeks', type: 'integer', required: true, min: 22, max: 45 },
    { name: 'sex', type: 'choice' },
    { name: 'weightGrams', type: 'integer', min: 200, max: 8000 },
    { name: 'causeOfDeath.icd10', type: 'icd10' },
    { name: 'causeOfDeath.text', type: 'text' },
    { name: 'attendant', type: 'choice' },
  ],
  codes: {
    'mother-not-found': 'mother.nin',
    'mother-not-registered': 'mother.nin',
    'gestation-too-short': 'gestationWeeks',
    'date-in-future': 'dateOfDelivery',
  },
};

export const ANNULMENT: Declaration<'/v1/annulments'> = {
  kind: 'annulment',
  path: '/v1/annulments',
  fields: [
    { name: 'marriageId', type: 'record', required: true },
    { name: 'dateOfJudgment', type: 'date', required: true },
    { name: 'courtReference', type: 'court', required: true },
    { name: 'ground', type: 'choice' },
  ],
  codes: {
    'marriage-not-registered': 'marriageId',
    'marriage-already-annulled': 'marriageId',
    'annulment-before-marriage': 'dateOfJudgment',
    'date-in-future': 'dateOfJudgment',
  },
};

/** A cause of death's text needs its code: the service takes `causeOfDeath` only with `icd10`. */
export function causeTextWithoutCode(v: Record<string, string>): boolean {
  return Boolean(v['causeOfDeath.text']?.trim()) && !v['causeOfDeath.icd10']?.trim();
}
