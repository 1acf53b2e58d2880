import { checkedCorrection, projectRegistration, type CivilKindDeps } from '../civil-status/registration';
import type { KindHandler } from '../records/contract';
import type { KindStatistics } from '../records/tally';
import type { CivilRecord } from '../records/store';
import { insertRecord } from '../records/projectors';
import { deathChanges, deathSchemas, type DeathChanges, type DeathFacts } from './schemas';
import { checkDeathFacts, decideDeathRegistration, deathEvent } from './commands';

export function presentDeathFacts(r: CivilRecord<DeathFacts>) {
  const d = r.data;
  return {
    deceased: { nin: d.deceased.nin },
    dateOfDeath: d.dateOfDeath,
    ...(d.timeOfDeath ? { timeOfDeath: d.timeOfDeath } : {}),
    placeOfDeath: d.placeOfDeath,
    causeOfDeath: { icd10: d.causeOfDeath.icd10, ...(d.causeOfDeath.text ? { text: d.causeOfDeath.text } : {}) },
    ...(d.mannerOfDeath ? { mannerOfDeath: d.mannerOfDeath } : {}),
    ...(d.certifier ? { certifier: d.certifier } : {}),
    ...(d.informant ? { informant: d.informant } : {}),
  };
}

/** Deaths are counted by the ICD-10 code of their cause (statistics/ puts it in its chapter), where and when they occurred. */
export const deathStatistics: KindStatistics<DeathFacts> = {
  table: { name: 'deaths', shape: 'by-cause' },
  tally: (r) => ({
    date: r.data.dateOfDeath,
    governorate: r.data.placeOfDeath.governorate,
    category: r.data.causeOfDeath.icd10,
  }),
};

/** Deaths as a record kind. */
export function deathKind(deps: CivilKindDeps): KindHandler<DeathFacts, DeathChanges> {
  return {
    ...deathSchemas,
    changes: deathChanges,
    checkCorrection: checkedCorrection((id, facts) => checkDeathFacts(deps, id, facts)),
    decideRegistration: (record, number) => decideDeathRegistration(deps, record, number),
    presentFacts: presentDeathFacts,
    // The cause of death stays off the certificate: it is medical data, for the registry and statistics.
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
        },
      };
    },
    statistics: deathStatistics,
    civilEvent: (r) => deathEvent(r._id, r.data),
    registerProjectors(journal) {
      journal.on('death.declared', (entry) => insertRecord(deps.records, entry, 'death'));
      journal.on('death.registered', (entry) =>
        projectRegistration(deps, entry, {
          recordId: entry.data.recordId,
          registrationNumber: entry.data.registrationNumber,
          linkNins: [entry.data.nin],
          subjectNin: entry.data.nin,
        }),
      );
    },
  };
}
