import { checkedCorrection, projectRegistration, type CivilKindDeps } from '../civil-status/registration';
import { namedPerson } from '../persons/presenter';
import type { KindHandler } from '../records/contract';
import type { CivilRecord } from '../records/store';
import { insertRecord } from '../records/projectors';
import { marriageChanges, marriageSchemas, type MarriageChanges, type MarriageFacts } from './schemas';
import { checkMarriageFacts, decideMarriageRegistration, marriageEvent } from './commands';

export function presentMarriageFacts(r: CivilRecord<MarriageFacts>) {
  const d = r.data;
  const standing = r.derived ?? {};
  return {
    partyA: { nin: d.partyA.nin },
    partyB: { nin: d.partyB.nin },
    dateOfMarriage: d.dateOfMarriage,
    placeOfMarriage: d.placeOfMarriage,
    ...(d.courtReference ? { courtReference: d.courtReference } : {}),
    ...(d.witnesses ? { witnesses: d.witnesses } : {}),
    ...(standing.previousMaritalStatus ? { previousMaritalStatus: standing.previousMaritalStatus } : {}),
    // An annulled marriage is not in force, and never was: it has an annulment and no dissolution.
    ...(r.status === 'registered' ? { inForce: !standing.dissolution && !standing.annulment } : {}),
    ...(r.status === 'registered' && standing.dissolution ? { dissolution: standing.dissolution } : {}),
    ...(r.status === 'registered' && standing.annulment ? { annulment: standing.annulment } : {}),
  };
}

/** Marriages as a record kind. */
export function marriageKind(deps: CivilKindDeps): KindHandler<MarriageFacts, MarriageChanges> {
  return {
    ...marriageSchemas,
    changes: marriageChanges,
    checkCorrection: checkedCorrection((id, facts) => checkMarriageFacts(deps, id, facts)),
    decideRegistration: (record, number) => decideMarriageRegistration(deps, record, number),
    presentFacts: presentMarriageFacts,
    certify: async (r) => {
      const d = r.data;
      return {
        subjects: [d.partyA.nin, d.partyB.nin],
        facts: {
          partyA: await namedPerson(deps.persons, d.partyA.nin),
          partyB: await namedPerson(deps.persons, d.partyB.nin),
          dateOfMarriage: d.dateOfMarriage,
          placeOfMarriage: d.placeOfMarriage,
          ...(d.courtReference ? { courtReference: d.courtReference } : {}),
        },
      };
    },
    tally: (r) => ({
      date: r.data.dateOfMarriage,
      governorate: r.data.placeOfMarriage.governorate,
      counters: ['marriages'],
    }),
    civilEvent: (r) => marriageEvent(r._id, r.data),
    registerProjectors(journal) {
      journal.on('marriage.declared', (entry) => insertRecord(deps.records, entry, 'marriage'));
      journal.on('marriage.registered', (entry) =>
        projectRegistration(deps, entry, {
          recordId: entry.data.recordId,
          registrationNumber: entry.data.registrationNumber,
          linkNins: entry.data.parties,
          derived: { previousMaritalStatus: entry.data.previousMaritalStatus },
        }),
      );
    },
  };
}
