import type { Journal } from './journal/journal';
import { registerSubscriptionProjectors } from './modules/subscriptions/service';
import type { CertificateCache } from './modules/certificates/cache';
import { civilStatusListener } from './modules/civil-status/projection';
import { vitalStatisticsListener } from './modules/statistics/projection';
import { registerKeyProjectors } from './modules/certificates/keys';
import { certificateListener, registerCertificateProjectors } from './modules/certificates/projection';
import { registerClientProjectors } from './modules/clients/service';
import { registerOfficeProjectors } from './modules/offices/projection';
import { registerPersonProjectors } from './modules/persons/projection';
import type { RecordKinds } from './modules/records/kinds';
import { registerRecordProjectors } from './modules/records/projection';
import { registerUserProjectors } from './modules/users/changes';
import { registerActivationCodeProjectors } from './modules/citizens/service';
import type { Models, Stores } from './services';

/** Every entry type that changes a read model, with the code that applies it. */
export function registerProjectors(
  journal: Journal,
  stores: Stores,
  kinds: RecordKinds,
  models: Pick<Models, 'activationCodes'>,
  certificateCache: CertificateCache,
): void {
  registerPersonProjectors(journal, stores);
  registerRecordProjectors(journal, { records: stores.records, kinds });
  for (const kind of kinds.all()) kind.registerProjectors(journal);
  // Every registration, voiding and correction, of any kind: statuses derived again, statistics counted.
  kinds.onChange(civilStatusListener({ persons: stores.persons, records: stores.records, kinds }));
  kinds.onChange(vitalStatisticsListener({ vitalCounts: stores.vitalCounts, kinds }));
  kinds.onChange(
    certificateListener({
      certificates: stores.certificates,
      revocations: stores.revocations,
      certificateCache,
      kinds,
    }),
  );
  registerKeyProjectors(journal, stores.signingKeys);
  registerCertificateProjectors(journal, { ...stores, certificateCache });
  registerSubscriptionProjectors(journal, stores.subscriptions);
  registerOfficeProjectors(journal, stores.offices);
  registerUserProjectors(journal, { users: stores.users, activationCodes: models.activationCodes });
  registerClientProjectors(journal, stores.clients);
  registerActivationCodeProjectors(journal, models.activationCodes);
  journal.assertProjectorsComplete();
}
