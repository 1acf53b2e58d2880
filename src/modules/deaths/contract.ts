import { checkedCorrection, projectRegistration, type CivilStatusDeps } from '../civil-status/registration';
import type { Place } from '../persons/store';
import { registrationCommand } from '../records/commands';
import type { KindStatistics } from '../records/tally';
import type { CertifiedPerson, KindContract } from '../records/contract';
import type { CivilRecord } from '../records/store';
import { insertRecord } from '../records/projectors';
import { DEATH_EVENTS, type DeathEvents } from './events';
import { declareDeathBody, deathSchemas, type DeathChanges, type DeathFacts } from './schemas';
import { checkDeathFacts, declareDeath, decideDeathRegistration, deathEvent } from './commands';
import { certifiedByPhysician } from './rules';

/** A death's facts as a record presents them, with what its registration derived of the deceased (sex, age at death). */
export function presentDeathFacts(r: CivilRecord<DeathFacts>) {
  const d = r.data;
  const derived = r.derived ?? {};
  const byPhysician = certifiedByPhysician(d.certifier);
  return {
    deceased: {
      nin: d.deceased.nin,
      ...(derived.sex ? { sex: derived.sex } : {}),
      ...(derived.ageAtDeath !== undefined ? { ageAtDeath: derived.ageAtDeath } : {}),
    },
    dateOfDeath: d.dateOfDeath,
    ...(d.timeOfDeath ? { timeOfDeath: d.timeOfDeath } : {}),
    placeOfDeath: d.placeOfDeath,
    ...(d.usualResidence ? { usualResidence: { governorate: d.usualResidence.governorate } } : {}),
    causeOfDeath: { icd10: d.causeOfDeath.icd10, ...(d.causeOfDeath.text ? { text: d.causeOfDeath.text } : {}) },
    ...(d.mannerOfDeath ? { mannerOfDeath: d.mannerOfDeath } : {}),
    ...(d.certifier ? { certifier: d.certifier } : {}),
    ...(byPhysician !== undefined ? { certifiedByPhysician: byPhysician } : {}),
    ...(d.informant ? { informant: d.informant } : {}),
    ...(d.courtReference ? { courtReference: d.courtReference } : {}),
  };
}

/**
 * What a death certificate certifies, its cause too (Iraq's consular guidance: no death
 * certificate without it). The cause is health data: certificates/ prints it and keeps it out of
 * the token as DEATH_CERTIFICATE_SHOWS_CAUSE and DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE say.
 */
type DeathCertified = {
  deceased: CertifiedPerson;
  dateOfDeath: string;
  placeOfDeath: Place;
  causeOfDeathIcd10: string;
  causeOfDeathText?: string;
};

type DeathDeps = CivilStatusDeps<DeathEvents>;

/**
 * Deaths are counted by the ICD-10 code of their cause (statistics/ puts it in its chapter), where
 * and when they occurred, and broken down by the deceased's sex and age (the UN Demographic
 * Yearbook's deaths by age and sex); a death registered before these were kept counts as not stated.
 */
export const deathStatistics: KindStatistics<DeathFacts> = {
  table: { name: 'deaths', shape: 'by-cause' },
  timelinessTable: 'deathsByTimeliness',
  tally: (r) => ({
    date: r.data.dateOfDeath,
    governorate: r.data.placeOfDeath.governorate,
    category: r.data.causeOfDeath.icd10,
  }),
  breakdowns: [
    {
      name: 'deathsByAgeAndSex',
      shape: 'by-age-and-sex',
      category: ({ derived }) => (derived?.sex ? `${derived.sex}/${derived.ageAtDeath ?? ''}` : undefined),
    },
  ],
};

/** Deaths: the kind contract. */
export const deaths: KindContract<
  'death',
  DeathFacts,
  DeathChanges,
  DeathFacts,
  DeathEvents,
  DeathCertified,
  DeathDeps
> = {
  kind: 'death',
  letter: 'X',
  schemas: deathSchemas,
  events: DEATH_EVENTS,
  feed: ['death.registered'],
  declaration: {
    path: '/v1/deaths',
    operationId: 'declareDeath',
    permission: 'deaths.declare',
    roles: ['officer', 'registrar', 'national-registrar'],
    tag: 'Deaths',
    summary: 'Declare the death of a registered person',
    body: declareDeathBody,
  },
  // Kurdish: the kinds' names of the console's catalogue (web/src/i18n/ckb.ts: مردن) and هۆی مردن; to be reviewed.
  certificate: {
    type: 'DeathCertificate',
    title: { ar: 'شهادة وفاة', ckb: 'بڕوانامەی مردن', en: 'Death certificate' },
    labels: {
      deceased: { ar: 'المتوفى', ckb: 'کۆچکردوو', en: 'Deceased' },
      dateOfDeath: { ar: 'تاريخ الوفاة', ckb: 'ڕێکەوتی مردن', en: 'Date of death' },
      placeOfDeath: { ar: 'مكان الوفاة', ckb: 'شوێنی مردن', en: 'Place of death' },
      // سبب الوفاة as on Iraq's death certificate; ICD-10 is the WHO's classification the code is of.
      causeOfDeathIcd10: {
        ar: 'سبب الوفاة (رمز ICD-10)',
        ckb: 'هۆی مردن (کۆدی ICD-10)',
        en: 'Cause of death (ICD-10 code)',
      },
      causeOfDeathText: { ar: 'سبب الوفاة', ckb: 'هۆی مردن', en: 'Cause of death' },
    },
    healthFacts: ['causeOfDeathIcd10', 'causeOfDeathText'],
  },
  statistics: deathStatistics,
  work: {
    summary: (f) => ({ subjects: [f.deceased], eventDate: f.dateOfDeath }),
    // Law No. 148 of 1971 gives deaths the births' deadlines: shorter in a health facility.
    timeliness: ({ data }) => ({
      deadline: 'death',
      eventDate: data.dateOfDeath,
      inHealthFacility: data.placeOfDeath.facility !== undefined,
    }),
  },
  // The groups the correction policy names (civil-status/law.ts): Iraq asks a court order for the dates and the cause.
  correctionGroups: {
    dates: ['dateOfDeath', 'timeOfDeath'],
    cause: ['causeOfDeath', 'mannerOfDeath'],
    place: ['placeOfDeath'],
    residence: ['usualResidence'],
    certifier: ['certifier'],
    informant: ['informant'],
  },
  handler: (deps) => ({
    declare: (ctx, body) => declareDeath(deps, ctx, body),
    register: registrationCommand(deps.journal, (record, number) => decideDeathRegistration(deps, record, number)),
    checkCorrection: checkedCorrection((id, facts) => checkDeathFacts(deps, id, facts)),
    presentFacts: presentDeathFacts,
    certify: async (r) => {
      const d = r.data;
      const deceased = await deps.persons.get(d.deceased.nin);
      return {
        subjects: [d.deceased.nin],
        facts: {
          deceased: {
            nin: d.deceased.nin,
            ...(deceased ? { name: deceased.name, sex: deceased.sex, dateOfBirth: deceased.dateOfBirth } : {}),
          },
          dateOfDeath: d.dateOfDeath,
          placeOfDeath: d.placeOfDeath,
          causeOfDeathIcd10: d.causeOfDeath.icd10,
          ...(d.causeOfDeath.text ? { causeOfDeathText: d.causeOfDeath.text } : {}),
        },
      };
    },
    civilEvent: (r) => deathEvent(r._id, r.data),
    registerProjectors() {
      deps.journal.on('death.declared', (entry) => insertRecord(deps.records, entry, 'death'));
      deps.journal.on('death.registered', (entry) =>
        projectRegistration(deps, entry, {
          recordId: entry.data.recordId,
          registrationNumber: entry.data.registrationNumber,
          linkNins: [entry.data.nin],
          subjectNin: entry.data.nin,
          ...(entry.data.derived ? { derived: entry.data.derived } : {}),
        }),
      );
    },
  }),
};
