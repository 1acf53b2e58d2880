import { namedPerson } from '../persons/presenter';
import type { PersonStore } from '../persons/projectors';
import type { Place } from '../persons/store';
import type { Certified, CertifiedPerson } from '../records/contract';
import type { CivilRecord } from '../records/store';
import type { FoetalDeathFacts } from './schemas';

/** A foetal death's facts as staff and the mother see them, field by field. */
export function presentFoetalDeathFacts(record: CivilRecord<FoetalDeathFacts>) {
  const d = record.data;
  const { mother, causeOfDeath } = d;
  return {
    mother: 'nin' in mother ? { nin: mother.nin } : { name: mother.name, dateOfBirth: mother.dateOfBirth },
    dateOfDelivery: d.dateOfDelivery,
    placeOfDelivery: d.placeOfDelivery,
    ...(d.sex ? { sex: d.sex } : {}),
    ...(d.weightGrams !== undefined ? { weightGrams: d.weightGrams } : {}),
    gestationWeeks: d.gestationWeeks,
    ...(causeOfDeath
      ? { causeOfDeath: { icd10: causeOfDeath.icd10, ...(causeOfDeath.text ? { text: causeOfDeath.text } : {}) } }
      : {}),
    ...(d.attendant ? { attendant: d.attendant } : {}),
    ...(d.courtReference ? { courtReference: d.courtReference } : {}),
  };
}

/** The facts a certificate of stillbirth certifies (its labels are typed by these keys). */
export type FoetalDeathCertified = {
  mother: CertifiedPerson;
  dateOfDelivery: string;
  placeOfDelivery: Place;
  sex?: string;
  gestationWeeks: number;
};

/**
 * What a certificate of stillbirth certifies: the mother (its subject, when registered), the date
 * and place of delivery, the sex and the weeks of gestation. Not the cause of death, the weight
 * or the attendant: medical data stays off certificates, as for deaths, for the registry and
 * the statistics only.
 */
export async function certifiedFoetalDeathFacts(
  deps: { persons: Pick<PersonStore, 'get'> },
  record: CivilRecord<FoetalDeathFacts>,
): Promise<Certified<FoetalDeathCertified>> {
  const d = record.data;
  const { mother } = d;
  return {
    subjects: 'nin' in mother ? [mother.nin] : [],
    facts: {
      mother: 'nin' in mother ? await namedPerson(deps.persons, mother.nin) : { name: mother.name },
      dateOfDelivery: d.dateOfDelivery,
      placeOfDelivery: d.placeOfDelivery,
      ...(d.sex ? { sex: d.sex } : {}),
      gestationWeeks: d.gestationWeeks,
    },
  };
}
