import { namedPerson } from '../persons/presenter';
import { registrationCommand } from '../records/commands';
import type { KindStatistics } from '../records/tally';
import type { CertifiedPerson, KindContract } from '../records/contract';
import type { CivilRecord } from '../records/store';
import { BIRTH_EVENTS, type BirthEvents } from './events';
import { applyBirthCorrection, registerBirthProjectors } from './projectors';
import { birthSchemas, declareBirthBody, type BirthChanges, type BirthFacts, type DeclareBirth } from './schemas';
import { checkBirthCorrection, declareBirth, decideBirthRegistration, type BirthDeps } from './commands';

/**
 * A birth's facts as a record presents them, field by field; the child's NIN once registered,
 * and what its registration derived: the mother's age at the birth, the birth order.
 */
export function presentBirthFacts(r: CivilRecord<BirthFacts>) {
  const { child, mother, father, informant, attendant, courtReference } = r.data;
  const derived = r.derived ?? {};
  return {
    child: {
      givenName: child.givenName,
      ...(child.fatherName ? { fatherName: child.fatherName } : {}),
      ...(child.grandfatherName ? { grandfatherName: child.grandfatherName } : {}),
      ...(child.familyName ? { familyName: child.familyName } : {}),
      ...(child.latin ? { latin: child.latin } : {}),
      sex: child.sex,
      dateOfBirth: child.dateOfBirth,
      ...(child.timeOfBirth ? { timeOfBirth: child.timeOfBirth } : {}),
      placeOfBirth: child.placeOfBirth,
      ...(child.placeOfBirthType ? { placeOfBirthType: child.placeOfBirthType } : {}),
      ...(child.weightGrams ? { weightGrams: child.weightGrams } : {}),
      ...(child.plurality ? { plurality: child.plurality } : {}),
      ...(r.subjectNin ? { nin: r.subjectNin } : {}),
    },
    mother: 'nin' in mother ? { nin: mother.nin } : { name: mother.name, dateOfBirth: mother.dateOfBirth },
    ...(father
      ? { father: 'nin' in father ? { nin: father.nin } : { name: father.name, dateOfBirth: father.dateOfBirth } }
      : {}),
    ...(informant
      ? {
          informant: {
            relationship: informant.relationship,
            ...(informant.nin ? { nin: informant.nin } : {}),
            ...(informant.name ? { name: informant.name } : {}),
          },
        }
      : {}),
    ...(attendant ? { attendant } : {}),
    ...(courtReference ? { courtReference } : {}),
    ...(derived.motherAge !== undefined ? { motherAge: derived.motherAge } : {}),
    ...(derived.birthOrder !== undefined ? { birthOrder: derived.birthOrder } : {}),
  };
}

/** What a birth certificate certifies: the child, and the parents as the record names them. */
type BirthCertified = { child: CertifiedPerson; mother: CertifiedPerson; father?: CertifiedPerson };

/**
 * Births are counted by the child's sex where and when the child was born, and broken down by the
 * mother's age at the birth (with the sex: the UN Demographic Yearbook's live births by age of
 * mother and sex of child) and by attendant at birth; a birth registered before these were kept
 * counts as not stated.
 */
export const birthStatistics: KindStatistics<BirthFacts> = {
  table: { name: 'births', shape: 'by-sex' },
  timelinessTable: 'birthsByTimeliness',
  tally: (r) => ({
    date: r.data.child.dateOfBirth,
    governorate: r.data.child.placeOfBirth.governorate,
    category: r.data.child.sex,
  }),
  breakdowns: [
    {
      name: 'birthsByMotherAge',
      shape: 'by-sex-and-mother-age',
      category: (r) => (r.derived?.motherAge === undefined ? undefined : `${r.data.child.sex}/${r.derived.motherAge}`),
    },
    { name: 'birthsByAttendant', shape: 'by-attendant', category: (r) => r.data.attendant },
  ],
};

/** Births: the kind contract. */
export const births: KindContract<
  'birth',
  BirthFacts,
  BirthChanges,
  DeclareBirth,
  BirthEvents,
  BirthCertified,
  BirthDeps
> = {
  kind: 'birth',
  letter: 'B',
  schemas: birthSchemas,
  events: BIRTH_EVENTS,
  feed: ['birth.registered'],
  declaration: {
    path: '/v1/births',
    operationId: 'declareBirth',
    permission: 'births.declare',
    roles: ['officer', 'registrar', 'national-registrar'],
    tag: 'Births',
    summary: 'Declare a birth',
    body: declareBirthBody,
  },
  // Kurdish: بڕوانامەی لەدایکبوون, منداڵ, دایک, باوک as the console's catalogue writes them (web/src/i18n/ckb.ts); to be reviewed.
  certificate: {
    type: 'BirthCertificate',
    title: { ar: 'شهادة ولادة', ckb: 'بڕوانامەی لەدایکبوون', en: 'Birth certificate' },
    labels: {
      child: { ar: 'المولود', ckb: 'منداڵ', en: 'Child' },
      mother: { ar: 'الأم', ckb: 'دایک', en: 'Mother' },
      father: { ar: 'الأب', ckb: 'باوک', en: 'Father' },
    },
  },
  statistics: birthStatistics,
  work: {
    summary: ({ child }) => ({ subjects: [{ name: child }], eventDate: child.dateOfBirth }),
    // A hospital notifies a birth before the parents have named the child: the office completes it.
    flags: (r) => (r.data.child.givenName ? [] : ['incomplete']),
    // Law No. 148 of 1971: the birth deadline, shorter when a health facility attended it.
    timeliness: ({ data: { child } }) => ({
      deadline: 'birth',
      eventDate: child.dateOfBirth,
      inHealthFacility: child.placeOfBirth.facility !== undefined,
    }),
  },
  // The groups the correction policy names (civil-status/law.ts): Iraq asks a court order for all but latin, place and details.
  correctionGroups: {
    names: ['child.givenName', 'child.fatherName', 'child.grandfatherName', 'child.familyName'],
    latin: ['child.latin'],
    dates: ['child.dateOfBirth', 'child.timeOfBirth'],
    sex: ['child.sex'],
    place: ['child.placeOfBirth', 'child.placeOfBirthType'],
    details: ['child.weightGrams', 'child.plurality', 'attendant'],
    parents: ['mother', 'father'],
  },
  handler: (deps) => ({
    declare: (ctx, body) => declareBirth(deps, ctx, body),
    register: registrationCommand(deps.journal, (record, number) => decideBirthRegistration(deps, record, number)),
    checkCorrection: (record, changes) => checkBirthCorrection(deps.persons, record, changes),
    applyCorrection: (entry, record) => applyBirthCorrection(deps, entry, record),
    presentFacts: presentBirthFacts,
    certify: async (r) => {
      const { child, mother, father } = r.data;
      const parent = async (p: typeof mother) => ('nin' in p ? namedPerson(deps.persons, p.nin) : { name: p.name });
      return {
        subjects: r.subjectNin ? [r.subjectNin] : [],
        facts: {
          child: {
            ...(r.subjectNin ? await namedPerson(deps.persons, r.subjectNin) : {}),
            sex: child.sex,
            dateOfBirth: child.dateOfBirth,
            placeOfBirth: child.placeOfBirth,
          },
          mother: await parent(mother),
          ...(father ? { father: await parent(father) } : {}),
        },
      };
    },
    registerProjectors: () => registerBirthProjectors(deps),
  }),
};
