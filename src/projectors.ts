import type { EventCatalogue } from './events';
import type { Journal } from './journal/journal';
import { registerSubscriptionProjectors } from './modules/subscriptions/commands';
import type { CertificateCache } from './modules/certificates/cache';
import { civilStatusListener } from './modules/civil-status/projectors';
import { vitalStatisticsListener } from './modules/statistics/projectors';
import { registerKeyProjectors } from './modules/certificates/key-rotation';
import { certificateListener, registerCertificateProjectors } from './modules/certificates/projectors';
import { extractListener, supersedeStaleExtracts } from './modules/certificates/extract-listener';
import { registerClientProjectors } from './modules/clients/commands';
import { registerOfficeProjectors } from './modules/offices/projectors';
import { registerPersonProjectors } from './modules/persons/projectors';
import type { CivilStatusLaw } from './modules/civil-status/law';
import { recordTimeliness } from './modules/civil-status/timeliness';
import type { RecordKinds } from './modules/records/contract';
import { createKinds } from './record-kinds';
import { registerRecordProjectors } from './modules/records/projectors';
import { registerUserProjectors } from './modules/users/changes';
import { followWorkQueues } from './modules/workqueues/projectors';
import { followDuplicateKeys } from './modules/duplicates/projectors';
import { registerActivationCodeProjectors } from './modules/citizens/commands';
import { registerDocumentProjectors } from './modules/documents/projectors';
import { registerConsentProjectors } from './modules/consents/commands';
import type { Models, Stores } from './stores';

/**
 * Every entry type that changes a read model, with the code that applies it, on this journal:
 * the record kinds are built on it (their commands append to it, their projectors listen to it),
 * and returned.
 */
export function registerProjectors(
  journal: Journal<EventCatalogue>,
  stores: Stores,
  law: CivilStatusLaw,
  models: Pick<Models, 'activationCodes'>,
  certificateCache: CertificateCache,
): RecordKinds {
  const kinds = createKinds({ ...stores, law, journal });
  registerPersonProjectors(journal, stores);
  registerRecordProjectors(journal, { records: stores.records, kinds });
  for (const kind of kinds.all()) kind.registerProjectors();
  // Every registration, voiding and correction, of any kind: statuses derived again, statistics counted.
  kinds.onChange(civilStatusListener({ persons: stores.persons, records: stores.records, kinds }));
  const timeliness = recordTimeliness(law, kinds);
  kinds.onChange(
    vitalStatisticsListener({
      vitalCounts: stores.vitalCounts,
      statisticsOf: (kind) => kinds.of(kind).statistics,
      timeliness,
    }),
  );
  kinds.onChange(
    certificateListener({
      certificates: stores.certificates,
      revocations: stores.revocations,
      certificateCache,
      kinds,
    }),
  );
  // After the person's status is derived again (above): extracts that no longer say what the entry says.
  const extractDeps = { ...stores, kinds, certificateCache };
  kinds.onChange(extractListener(extractDeps));
  journal.afterEach(async (entry) => {
    if (entry.type === 'person.latin-confirmed')
      await supersedeStaleExtracts(extractDeps, entry, [(entry.data as { nin: string }).nin]);
  });
  registerKeyProjectors(journal, stores.signingKeys);
  registerCertificateProjectors(journal, { ...stores, certificateCache });
  registerSubscriptionProjectors(journal, stores.subscriptions);
  registerOfficeProjectors(journal, stores.offices);
  registerUserProjectors(journal, { users: stores.users, activationCodes: models.activationCodes });
  registerClientProjectors(journal, stores.clients);
  registerActivationCodeProjectors(journal, models.activationCodes);
  registerConsentProjectors(journal, stores.consents);
  registerDocumentProjectors(journal, stores.records);
  // After every declaration, whatever its kind: the record filed under its duplicate keys.
  followDuplicateKeys(journal, stores);
  // After every entry, whatever its type: the records it names get their flags and queue again.
  followWorkQueues(journal, {
    records: stores.records,
    kinds,
    queueCounts: stores.queueCounts,
    timeliness,
  });
  journal.assertProjectorsComplete();
  return kinds;
}
