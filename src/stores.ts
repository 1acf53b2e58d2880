import type { Connection } from 'mongoose';
import type { Db } from 'mongodb';
import { ProjectionStore } from './db/store';
import { idempotencyModel } from './http/idempotency-model';
import type { Projection } from './journal/rebuild';
import { accessModel } from './modules/access-log/access-log';
import { activationCodeModel } from './modules/citizens/store';
import { refreshTokenModel, revokedFamilyModel } from './modules/auth/refresh-model';
import { secretModel } from './modules/auth/secrets';
import { throttleModel } from './modules/auth/throttle-model';
import { clientModel, type Client } from './modules/clients/store';
import { OFFICE_INDEXES, type Office } from './modules/offices/store';
import { PERSON_INDEXES, type LegacyRef, type Person } from './modules/persons/store';
import { NAME_INDEX_INDEXES, type NameRow } from './modules/persons/name-keys';
import { RECORD_INDEXES, type CivilRecord } from './modules/records/store';
import { DUPLICATE_KEY_INDEXES, type DuplicateKey, type PersonKey } from './modules/duplicates/store';
import type { VitalCount } from './modules/statistics/store';
import type { QueueCounts } from './modules/workqueues/store';
import type { Subscription } from './modules/subscriptions/store';
import { CONSENT_INDEXES, type Consent } from './modules/consents/store';
import {
  CERTIFICATE_INDEXES,
  REVOCATION_INDEXES,
  type CertificateDoc,
  type RevocationDoc,
  type SigningKeyDoc,
} from './modules/certificates/store';
import { USER_INDEXES, userModel, type User } from './modules/users/store';

// The collections of the service, listed once: what start-up initialises, what the projectors
// write, and what a rebuild clears.

export type Models = ReturnType<typeof createModels>;

/** Collections that are not projections of the journal, or not only (accounts hold secrets' hashes). */
export function createModels(conn: Connection) {
  return {
    users: userModel(conn),
    idempotency: idempotencyModel(conn),
    clients: clientModel(conn),
    refreshTokens: refreshTokenModel(conn),
    revokedFamilies: revokedFamilyModel(conn),
    throttles: throttleModel(conn),
    access: accessModel(conn),
    activationCodes: activationCodeModel(conn),
    secrets: secretModel(conn),
  };
}

export type Stores = ReturnType<typeof createStores>;

/** The stores, and the one model the journal projects into (activation codes, beside their secrets). */
export function projectionsOf(stores: Stores, models: Models): Projection[] {
  return [
    ...Object.values(stores),
    {
      clear: async () => {
        await models.activationCodes.deleteMany({});
      },
    },
  ];
}

/** The projections of the journal, each a typed store. */
export function createStores(db: Db) {
  return {
    persons: new ProjectionStore<Person>(db, 'persons', PERSON_INDEXES),
    legacyRefs: new ProjectionStore<LegacyRef>(db, 'legacy_refs'),
    nameIndex: new ProjectionStore<NameRow>(db, 'name_index', NAME_INDEX_INDEXES),
    records: new ProjectionStore<CivilRecord>(db, 'records', RECORD_INDEXES),
    duplicateKeys: new ProjectionStore<DuplicateKey>(db, 'duplicate_keys', DUPLICATE_KEY_INDEXES),
    personKeys: new ProjectionStore<PersonKey>(db, 'person_keys'),
    offices: new ProjectionStore<Office>(db, 'offices', OFFICE_INDEXES),
    users: new ProjectionStore<User>(db, 'users', USER_INDEXES),
    clients: new ProjectionStore<Client>(db, 'clients'),
    vitalCounts: new ProjectionStore<VitalCount>(db, 'vital_counts'),
    queueCounts: new ProjectionStore<QueueCounts>(db, 'queue_counts'),
    signingKeys: new ProjectionStore<SigningKeyDoc>(db, 'signing_keys'),
    certificates: new ProjectionStore<CertificateDoc>(db, 'certificates', CERTIFICATE_INDEXES),
    revocations: new ProjectionStore<RevocationDoc>(db, 'revocations', REVOCATION_INDEXES),
    subscriptions: new ProjectionStore<Subscription>(db, 'subscriptions'),
    consents: new ProjectionStore<Consent>(db, 'consents', CONSENT_INDEXES),
  };
}
