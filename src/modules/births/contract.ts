import type { Journal } from '../../journal/journal';
import { namedPerson } from '../persons/presenter';
import type { PersonStores } from '../persons/projectors';
import type { KindHandler, RecordKinds } from '../records/contract';
import type { KindStatistics } from '../records/tally';
import type { CivilRecord, RecordStore } from '../records/store';
import { applyBirthCorrection, registerBirthProjectors } from './projectors';
import { birthChanges, birthSchemas, type BirthChanges, type BirthFacts } from './schemas';
import { checkBirthCorrection, decideBirthRegistration } from './commands';

/** A birth's facts as a record presents them, field by field; the child's NIN once registered. */
export function presentBirthFacts(r: CivilRecord<BirthFacts>) {
  const { child, mother, father, informant } = r.data;
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
  };
}

/** Births are counted by the child's sex where and when the child was born. */
export const birthStatistics: KindStatistics<BirthFacts> = {
  table: { name: 'births', shape: 'by-sex' },
  tally: (r) => ({
    date: r.data.child.dateOfBirth,
    governorate: r.data.child.placeOfBirth.governorate,
    category: r.data.child.sex,
  }),
};

/** Births as a record kind: the registry's handler. */
export function birthKind(
  deps: PersonStores & { records: RecordStore; kinds: RecordKinds },
): KindHandler<BirthFacts, BirthChanges> {
  return {
    ...birthSchemas,
    changes: birthChanges,
    checkCorrection: (record, changes) => checkBirthCorrection(deps.persons, record, changes),
    decideRegistration: (record, number) => decideBirthRegistration(deps.persons, record, number),
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
    statistics: birthStatistics,
    registerProjectors: (journal: Journal) => registerBirthProjectors(journal, deps),
  };
}
