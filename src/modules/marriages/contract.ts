import { checkedCorrection, projectRegistration, type CivilStatusDeps } from '../civil-status/registration';
import { namedPerson } from '../persons/presenter';
import type { Place } from '../persons/store';
import { registrationCommand } from '../records/commands';
import type { KindStatistics } from '../records/tally';
import type { CertifiedPerson, KindContract } from '../records/contract';
import type { CivilRecord } from '../records/store';
import { insertRecord } from '../records/projectors';
import { MARRIAGE_EVENTS, type MarriageEvents } from './events';
import { declareMarriageBody, marriageSchemas, type MarriageChanges, type MarriageFacts } from './schemas';
import {
  checkMarriageFacts,
  declareMarriage,
  decideMarriageRegistration,
  marriageEvent,
  type MarriageCheckDeps,
} from './commands';

export function presentMarriageFacts(r: CivilRecord<MarriageFacts>) {
  const d = r.data;
  const standing = r.derived ?? {};
  return {
    partyA: { nin: d.partyA.nin },
    partyB: { nin: d.partyB.nin },
    dateOfMarriage: d.dateOfMarriage,
    placeOfMarriage: d.placeOfMarriage,
    ...(d.courtReference ? { courtReference: d.courtReference } : {}),
    ...(d.consentOfExistingSpouse ? { consentOfExistingSpouse: d.consentOfExistingSpouse } : {}),
    ...(d.witnesses ? { witnesses: d.witnesses } : {}),
    ...(standing.previousMaritalStatus ? { previousMaritalStatus: standing.previousMaritalStatus } : {}),
    // An annulled marriage is not in force, and never was: it has an annulment and no dissolution.
    ...(r.status === 'registered' ? { inForce: !standing.dissolution && !standing.annulment } : {}),
    ...(r.status === 'registered' && standing.dissolution ? { dissolution: standing.dissolution } : {}),
    ...(r.status === 'registered' && standing.annulment ? { annulment: standing.annulment } : {}),
  };
}

/** What a marriage certificate certifies. */
type MarriageCertified = {
  partyA: CertifiedPerson;
  partyB: CertifiedPerson;
  dateOfMarriage: string;
  placeOfMarriage: Place;
  courtReference?: string;
};

type MarriageDeps = CivilStatusDeps<MarriageEvents> & MarriageCheckDeps;

/** Marriages are counted where and when they were celebrated. */
export const marriageStatistics: KindStatistics<MarriageFacts> = {
  table: { name: 'marriages', shape: 'count' },
  tally: (r) => ({ date: r.data.dateOfMarriage, governorate: r.data.placeOfMarriage.governorate }),
};

/** Marriages: the kind contract. */
export const marriages: KindContract<
  'marriage',
  MarriageFacts,
  MarriageChanges,
  MarriageFacts,
  MarriageEvents,
  MarriageCertified,
  MarriageDeps
> = {
  kind: 'marriage',
  letter: 'M',
  schemas: marriageSchemas,
  events: MARRIAGE_EVENTS,
  feed: ['marriage.registered'],
  declaration: {
    path: '/v1/marriages',
    operationId: 'declareMarriage',
    permission: 'marriages.declare',
    roles: ['officer', 'registrar', 'national-registrar'],
    tag: 'Marriages',
    summary: 'Declare a marriage of two registered people',
    body: declareMarriageBody,
  },
  // Kurdish: هاوسەرگیری as the console's catalogue names the kind (web/src/i18n/ckb.ts); the labels are to be reviewed.
  certificate: {
    type: 'MarriageCertificate',
    title: { ar: 'شهادة زواج', ckb: 'بڕوانامەی هاوسەرگیری', en: 'Marriage certificate' },
    labels: {
      partyA: { ar: 'الزوج الأول', ckb: 'هاوسەری یەکەم', en: 'First party' },
      partyB: { ar: 'الزوج الثاني', ckb: 'هاوسەری دووەم', en: 'Second party' },
      dateOfMarriage: { ar: 'تاريخ الزواج', ckb: 'ڕێکەوتی هاوسەرگیری', en: 'Date of marriage' },
      placeOfMarriage: { ar: 'مكان الزواج', ckb: 'شوێنی هاوسەرگیری', en: 'Place of marriage' },
    },
  },
  statistics: marriageStatistics,
  // No timeliness: a marriage is made before the personal status court (Law No. 188 of 1959,
  // art. 10), and one contracted outside it is confirmed by that court's judgment, so the
  // registry records a court's act, whose date the court sets, and the civil-status law gives
  // its declaration no deadline of days.
  work: { summary: (f) => ({ subjects: [f.partyA, f.partyB], eventDate: f.dateOfMarriage }) },
  handler: (deps) => ({
    declare: (ctx, body) => declareMarriage(deps, ctx, body),
    register: registrationCommand(deps.journal, (record, number) => decideMarriageRegistration(deps, record, number)),
    checkCorrection: checkedCorrection((id, facts, office, stage) =>
      checkMarriageFacts(deps, id, facts, office, stage),
    ),
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
    civilEvent: (r) => marriageEvent(r._id, r.data),
    registerProjectors() {
      deps.journal.on('marriage.declared', (entry) => insertRecord(deps.records, entry, 'marriage'));
      deps.journal.on('marriage.registered', (entry) =>
        projectRegistration(deps, entry, {
          recordId: entry.data.recordId,
          registrationNumber: entry.data.registrationNumber,
          linkNins: entry.data.parties,
          derived: { previousMaritalStatus: entry.data.previousMaritalStatus },
        }),
      );
    },
  }),
};
