import mongoose, { type Connection } from 'mongoose';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Config } from './config';
import { ProjectionStore } from './db/store';
import type { EngineHealth } from './db/engine-types';
import { Metrics } from './http/metrics';
import { Journal } from './journal/journal';
import { loadHeadKeys } from './journal/head-keys';
import { SignedHeads } from './journal/signed-heads';
import { EVENT_ROLES, type EventCatalogue } from './events';
import { loadOrCreateKey } from './modules/auth/signing-key';
import { AccessLog, accessModel, type AccessEntry } from './modules/access-log/access-log';
import { AccountStatus } from './modules/auth/account-status';
import { activationCodeModel } from './modules/citizens/store';
import { refreshTokenModel, revokedFamilyModel } from './modules/auth/refresh-model';
import { secretModel } from './modules/auth/secrets';
import { throttleModel } from './modules/auth/throttle-model';
import { TokenService } from './modules/auth/tokens';
import { clientModel } from './modules/clients/store';
import type { Client } from './modules/clients/store';
import { OFFICE_INDEXES, type Office } from './modules/offices/store';
import {
  NAME_TOKEN_INDEXES,
  PERSON_INDEXES,
  type LegacyRef,
  type NameToken,
  type Person,
} from './modules/persons/store';
import type { RecordKinds } from './modules/records/contract';
import { RECORD_INDEXES, type CivilRecord } from './modules/records/store';
import { lawFromConfig, type CivilStatusLaw } from './modules/civil-status/law';
import type { VitalCount } from './modules/statistics/store';
import {
  initWebhookCollections,
  webhookCollections,
  type Subscription,
  type WebhookCollections,
} from './modules/subscriptions/store';
import {
  CERTIFICATE_INDEXES,
  REVOCATION_INDEXES,
  type CertificateDoc,
  type RevocationDoc,
  type SigningKeyDoc,
} from './modules/certificates/store';
import { CertificateKeyring } from './modules/certificates/keyring';
import { CertificateCache } from './modules/certificates/cache';
import { ensureActiveKey } from './modules/certificates/key-rotation';
import { KeyVault } from './modules/certificates/vault';
import path from 'node:path';
import { USER_INDEXES, userModel, type User } from './modules/users/store';
import { idempotencyModel } from './http/idempotency-model';
import { registerProjectors } from './projectors';

mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

export type Models = ReturnType<typeof createModels>;

/** Collections that are not projections of the journal, or not only (accounts hold secrets' hashes). */
function createModels(conn: Connection) {
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

/** The projections of the journal, each a typed store. */
function createStores(db: Db) {
  return {
    persons: new ProjectionStore<Person>(db, 'persons', PERSON_INDEXES),
    legacyRefs: new ProjectionStore<LegacyRef>(db, 'legacy_refs'),
    nameTokens: new ProjectionStore<NameToken>(db, 'name_tokens', NAME_TOKEN_INDEXES),
    records: new ProjectionStore<CivilRecord>(db, 'records', RECORD_INDEXES),
    offices: new ProjectionStore<Office>(db, 'offices', OFFICE_INDEXES),
    users: new ProjectionStore<User>(db, 'users', USER_INDEXES),
    clients: new ProjectionStore<Client>(db, 'clients'),
    vitalCounts: new ProjectionStore<VitalCount>(db, 'vital_counts'),
    signingKeys: new ProjectionStore<SigningKeyDoc>(db, 'signing_keys'),
    certificates: new ProjectionStore<CertificateDoc>(db, 'certificates', CERTIFICATE_INDEXES),
    revocations: new ProjectionStore<RevocationDoc>(db, 'revocations', REVOCATION_INDEXES),
    subscriptions: new ProjectionStore<Subscription>(db, 'subscriptions'),
  };
}

/** Everything a request handler may use; built once per process (once per test file). */
export interface Services extends Stores {
  config: Config;
  conn: Connection;
  db: Db;
  models: Models;
  /** Every projection store, from the same list start-up initialises: what a rebuild clears. */
  projectionStores: readonly Stores[keyof Stores][];
  journal: Journal<EventCatalogue>;
  kinds: RecordKinds;
  /** The certificate keys: public halves from the journal, private halves from the key folder. */
  keyring: CertificateKeyring;
  /** Certificates as verification reads them, cached for CERTIFICATE_STATUS_CACHE_SECONDS. */
  certificateCache: CertificateCache;
  /** The webhooks' outbox state, delivery log and secrets (operational, beside the journal). */
  webhooks: WebhookCollections;
  /** The civil-status law in force (ages, further marriages). */
  law: CivilStatusLaw;
  tokens: TokenService;
  accounts: AccountStatus;
  accessLog: AccessLog;
  metrics: Metrics;
  /** The supervised engine's health, when the service runs its own (set by lifecycle). */
  engineHealth?: EngineHealth;
  log: Logger;
}

/** Whether the database answers a ping within the time given. */
export function answersWithin(db: Db, ms: number): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref());
  return Promise.race([
    db.command({ ping: 1 }).then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}

export async function connect(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, { dbName, ignoreUndefined: true, serverSelectionTimeoutMS: 10_000 });
  await conn.asPromise();
  return conn;
}

/** Where the private certificate keys live: the configured folder, the data folder, or memory (tests). */
function certificateKeysDir(config: Config, persist: boolean): string | undefined {
  if (config.CERTIFICATE_KEYS_DIR) return config.CERTIFICATE_KEYS_DIR;
  return persist ? path.join(config.DATA_DIR, 'keys', 'certificates') : undefined;
}

/** Where the journal-signing keys live: the configured folder, the data folder, or memory (tests). */
function journalKeysDir(config: Config, persist: boolean): string | undefined {
  if (config.JOURNAL_KEYS_DIR) return config.JOURNAL_KEYS_DIR;
  return persist ? path.join(config.DATA_DIR, 'keys', 'journal') : undefined;
}

/**
 * Builds the services on an open connection: indexes first, then replay of unapplied entries.
 * A command-line tool (`tool`) never makes a journal-signing key: it signs with the service's when
 * it finds it, else only verifies.
 */
export async function createServices(
  conn: Connection,
  config: Config,
  log: Logger,
  opts: { persistKeys: boolean; tool?: boolean },
): Promise<Services> {
  const db = conn.db;
  if (!db) throw new Error('database connection is not open');
  const models = createModels(conn);
  const stores = createStores(db);
  // A unique index that does not exist yet protects nothing: create them before serving.
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  await Promise.all(Object.values(stores).map((s) => s.init()));
  await db.collection('journal').createIndex({ 'actor.id': 1, _id: 1 }); // serves GET /v1/audit?actor=
  await db.collection('journal').createIndex({ entityIds: 1, _id: 1 }); // serves ?recordId= and record history
  await db.collection('journal').createIndex({ idempotencyKey: 1 }); // serves a retried command finding its first entry
  const headKeys = await loadHeadKeys({
    pem: config.JOURNAL_SIGNING_KEY,
    dir: journalKeysDir(config, opts.persistKeys),
    create: !opts.tool,
  });
  const journal = new Journal<EventCatalogue>(db, {
    roles: EVENT_ROLES,
    log,
    signing: { heads: new SignedHeads(db, headKeys, log), every: config.JOURNAL_SIGN_EVERY_ENTRIES },
  });
  const key = await loadOrCreateKey(
    'access-token',
    opts.persistKeys ? config.DATA_DIR : undefined,
    config.TOKEN_SIGNING_KEY_FILE,
  );
  const webhooks = webhookCollections(db);
  await initWebhookCollections(webhooks);
  const law = lawFromConfig(config);
  const certificateCache = new CertificateCache(stores.certificates, config.CERTIFICATE_STATUS_CACHE_SECONDS * 1000);
  // The kinds are built on the journal: their commands append to it and their projectors listen to it.
  const kinds = registerProjectors(journal, stores, law, models, certificateCache);
  const services: Services = {
    ...stores,
    projectionStores: Object.values(stores),
    config,
    conn,
    db,
    models,
    journal,
    kinds,
    law,
    keyring: new CertificateKeyring(stores.signingKeys, new KeyVault(certificateKeysDir(config, opts.persistKeys))),
    certificateCache,
    webhooks,
    log,
    tokens: new TokenService(key, config.TOKEN_ISSUER, config.ACCESS_TOKEN_TTL_SECONDS),
    metrics: new Metrics({
      journal: async () => ({ head: (await journal.recordedHead())?.seq ?? 0, applied: journal.appliedSeq() }),
      engineUp: async () => services.engineHealth?.up ?? (await answersWithin(db, 1000)),
      pendingIdempotencyKeys: () => models.idempotency.countDocuments({ state: 'pending' }),
      engineRestarts: () => services.engineHealth?.restarts ?? 0,
    }),
    accessLog: new AccessLog(db.collection<AccessEntry>('access_log'), log),
    accounts: new AccountStatus(
      models.users,
      models.clients,
      config.ACCOUNT_STATUS_CACHE_SECONDS * 1000,
      models.revokedFamilies,
    ),
  };
  const replayed = await journal.catchUp();
  if (replayed > 0) log.info({ replayed }, 'replayed journal entries past the last checkpoint');
  await ensureActiveKey(services, { actor: { id: 'system', role: 'system' }, requestId: 'start' });
  return services;
}
