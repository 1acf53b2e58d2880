import type { DuplicateKeyStore } from '../duplicates/store';
import type { Journal } from '../../journal/journal';
import { checkedCorrection, projectRegistration } from '../civil-status/registration';
import type { PersonStores } from '../persons/projectors';
import { registrationCommand } from '../records/commands';
import type { KindContract, RecordKinds } from '../records/contract';
import { insertRecord } from '../records/projectors';
import type { RecordStore } from '../records/store';
import type { KindStatistics } from '../records/tally';
import { checkFoetalDeathFacts, declareFoetalDeath, decideFoetalDeathRegistration } from './commands';
import { FOETAL_DEATH_EVENTS, type FoetalDeathEvents } from './events';
import { FOETAL_DEATH_LABELS, FOETAL_DEATH_TITLE } from './labels';
import { certifiedFoetalDeathFacts, presentFoetalDeathFacts, type FoetalDeathCertified } from './presenter';
import { requireCertificateSubject } from './rules';
import { declareFoetalDeathBody, foetalDeathSchemas, type FoetalDeathChanges, type FoetalDeathFacts } from './schemas';
import { foetalDeathTally } from './tally';

/** What the foetal-deaths handler uses. */
export type FoetalDeathDeps = PersonStores & {
  records: RecordStore;
  kinds: RecordKinds;
  journal: Journal<FoetalDeathEvents>;
  duplicateKeys: DuplicateKeyStore;
};

/** Foetal deaths are counted where and when the delivery took place. */
export const foetalDeathStatistics: KindStatistics<FoetalDeathFacts> = {
  table: { name: 'foetalDeaths', shape: 'count' },
  tally: foetalDeathTally,
  timelinessTable: 'foetalDeathsByTimeliness',
};

/**
 * Foetal deaths (stillbirths): the kind contract. No `civilEvent`: a stillbirth creates no person
 * and changes nobody's civil status (the mother's marital and life status are her own records').
 */
export const foetalDeaths: KindContract<
  'foetal-death',
  FoetalDeathFacts,
  FoetalDeathChanges,
  FoetalDeathFacts,
  FoetalDeathEvents,
  FoetalDeathCertified,
  FoetalDeathDeps
> = {
  kind: 'foetal-death',
  letter: 'F',
  schemas: foetalDeathSchemas,
  events: FOETAL_DEATH_EVENTS,
  feed: ['foetal-death.registered'],
  declaration: {
    path: '/v1/foetal-deaths',
    operationId: 'declareFoetalDeath',
    permission: 'foetal-deaths.declare',
    roles: ['officer', 'registrar', 'national-registrar'],
    tag: 'Foetal deaths',
    summary: 'Declare a foetal death (stillbirth) of 22 completed weeks of gestation or more',
    body: declareFoetalDeathBody,
  },
  certificate: { type: 'FoetalDeathCertificate', title: FOETAL_DEATH_TITLE, labels: FOETAL_DEATH_LABELS },
  statistics: foetalDeathStatistics,
  work: {
    summary: (f) => ({
      subjects: ['nin' in f.mother ? { nin: f.mother.nin } : { name: f.mother.name }],
      eventDate: f.dateOfDelivery,
    }),
    // A stillbirth is a death the attendant certifies at the delivery (Law No. 148 of 1971,
    // art. 3, charges the same persons): it takes the death deadline, reckoned from the delivery,
    // shorter where a health facility attended it. Iraq's deadlines for births and deaths are
    // the same today, so the choice matters only to a country that makes them differ.
    timeliness: ({ data }) => ({
      deadline: 'death',
      eventDate: data.dateOfDelivery,
      inHealthFacility: data.placeOfDelivery.facility !== undefined,
    }),
  },
  handler: (deps) => ({
    declare: (ctx, body) => declareFoetalDeath(deps, ctx, body),
    register: registrationCommand(deps.journal, (record, number) =>
      decideFoetalDeathRegistration(deps, record, number),
    ),
    checkCorrection: checkedCorrection((_id, facts) => checkFoetalDeathFacts(deps, facts)),
    presentFacts: presentFoetalDeathFacts,
    certify: async (r) => {
      // A mother named by name only: 422 here, before the certificates' generic "no subject".
      requireCertificateSubject(r.data.mother);
      return certifiedFoetalDeathFacts(deps, r);
    },
    registerProjectors() {
      deps.journal.on('foetal-death.declared', (entry) => insertRecord(deps.records, entry, 'foetal-death'));
      deps.journal.on('foetal-death.registered', (entry) => {
        const { recordId, registrationNumber, motherNin } = entry.data;
        // The mother's record list holds it, and she is whom its certificate is about.
        return projectRegistration(deps, entry, {
          recordId,
          registrationNumber,
          linkNins: motherNin ? [motherNin] : [],
          ...(motherNin ? { subjectNin: motherNin } : {}),
        });
      });
    },
  }),
};
