import { checkedCorrection, projectRegistration, type CivilKindDeps } from '../civil-status/registration';
import { namedPerson } from '../persons/presenter';
import type { KindHandler } from '../records/contract';
import type { KindStatistics } from '../records/tally';
import type { CivilRecord } from '../records/store';
import { insertRecord } from '../records/projectors';
import { divorceChanges, divorceSchemas, type DivorceChanges, type DivorceFacts } from './schemas';
import { checkDivorceFacts, decideDivorceRegistration, divorceEvent } from './commands';

export function presentDivorceFacts(r: CivilRecord<DivorceFacts>) {
  const d = r.data;
  return {
    marriageId: d.marriageId,
    parties: d.parties,
    dateOfDivorce: d.dateOfDivorce,
    courtReference: d.courtReference,
    ...(d.divorceType ? { divorceType: d.divorceType } : {}),
    placeOfDivorce: d.placeOfDivorce,
  };
}

/** Divorces are counted where and when they took effect. */
export const divorceStatistics: KindStatistics<DivorceFacts> = {
  table: { name: 'divorces', shape: 'count' },
  tally: (r) => ({ date: r.data.dateOfDivorce, governorate: r.data.placeOfDivorce.governorate }),
};

/** Divorces as a record kind. */
export function divorceKind(deps: CivilKindDeps): KindHandler<DivorceFacts, DivorceChanges> {
  return {
    ...divorceSchemas,
    changes: divorceChanges,
    checkCorrection: checkedCorrection((id, facts) => checkDivorceFacts(deps, id, facts)),
    decideRegistration: (record, number) => decideDivorceRegistration(deps, record, number),
    presentFacts: presentDivorceFacts,
    certify: async (r) => {
      const d = r.data;
      const marriage = await deps.records.get(d.marriageId);
      return {
        subjects: [...d.parties],
        facts: {
          parties: [await namedPerson(deps.persons, d.parties[0]), await namedPerson(deps.persons, d.parties[1])],
          ...(marriage?.registrationNumber ? { marriageRegistrationNumber: marriage.registrationNumber } : {}),
          dateOfDivorce: d.dateOfDivorce,
          courtReference: d.courtReference,
          ...(d.divorceType ? { divorceType: d.divorceType } : {}),
          placeOfDivorce: d.placeOfDivorce,
        },
      };
    },
    statistics: divorceStatistics,
    civilEvent: (r) => divorceEvent(r._id, r.data),
    registerProjectors(journal) {
      journal.on('divorce.declared', (entry) => insertRecord(deps.records, entry, 'divorce'));
      journal.on('divorce.registered', (entry) =>
        projectRegistration(deps, entry, {
          recordId: entry.data.recordId,
          registrationNumber: entry.data.registrationNumber,
          linkNins: entry.data.parties,
        }),
      );
    },
  };
}
