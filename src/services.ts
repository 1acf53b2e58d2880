import mongoose, { type Connection } from 'mongoose';
import path from 'node:path';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Config } from './config';
import { answersWithin } from './db/connection';
import type { EngineHealth } from './db/engine-types';
import { Metrics } from './http/metrics';
import { Journal } from './journal/journal';
import { loadHeadKeys } from './journal/head-keys';
import type { Projection } from './journal/rebuild';
import { SignedHeads } from './journal/signed-heads';
import { EVENT_ROLES, type EventCatalogue } from './events';
import { loadOrCreateKey } from './modules/auth/signing-key';
import { AccessLog, type AccessEntry } from './modules/access-log/access-log';
import { AccountStatus } from './modules/auth/account-status';
import { TokenService } from './modules/auth/tokens';
import type { RecordKinds } from './modules/records/contract';
import { lawFromConfig, type CivilStatusLaw } from './modules/civil-status/law';
import { initWebhookCollections, webhookCollections, type WebhookCollections } from './modules/subscriptions/store';
import { CertificateKeyring } from './modules/certificates/keyring';
import { CertificateCache } from './modules/certificates/cache';
import { ensureActiveKey } from './modules/certificates/key-rotation';
import { KeyVault } from './modules/certificates/vault';
import { DocumentFiles } from './modules/documents/files';
import { DocumentGridFs } from './modules/documents/gridfs';
import { registerProjectors } from './projectors';
import { createModels, createStores, projectionsOf, type Models, type Stores } from './stores';

mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

/** Everything a request handler may use; built once per process (once per test file). */
export interface Services extends Stores {
  config: Config;
  conn: Connection;
  db: Db;
  models: Models;
  /** Every projection of the journal, from the lists start-up initialises: what a rebuild clears. */
  projections: readonly Projection[];
  journal: Journal<EventCatalogue>;
  kinds: RecordKinds;
  /** The certificate keys: public halves from the journal, private halves from the key folder. */
  keyring: CertificateKeyring;
  /** Certificates as verification reads them, cached for CERTIFICATE_STATUS_CACHE_SECONDS. */
  certificateCache: CertificateCache;
  /** The webhooks' outbox state, delivery log and secrets (operational, beside the journal). */
  webhooks: WebhookCollections;
  /** The civil-status law in force (ages, further marriages, the evidence corrections need). */
  law: CivilStatusLaw;
  /** The supporting documents' files (content-addressed, beside the database: not a projection). */
  documentFiles: DocumentFiles;
  tokens: TokenService;
  accounts: AccountStatus;
  accessLog: AccessLog;
  metrics: Metrics;
  /** The supervised engine's health, when the service runs its own (set by lifecycle). */
  engineHealth?: EngineHealth;
  log: Logger;
}

/** The documents' store: files under DOCUMENTS_DIR, or GridFS (receiving still uses a folder for its temporary files). */
function documentStore(config: Config, db: Db): DocumentFiles {
  const dir = config.DOCUMENTS_DIR ?? path.join(config.DATA_DIR, 'documents');
  return config.DOCUMENT_STORE === 'gridfs' ? new DocumentGridFs(dir, db) : new DocumentFiles(dir);
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
  await db.collection('journal').createIndex({ type: 1, _id: 1 }); // serves journal:verify reading the document.attached entries
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
    projections: projectionsOf(stores, models),
    config,
    conn,
    db,
    models,
    journal,
    kinds,
    law,
    documentFiles: documentStore(config, db),
    keyring: new CertificateKeyring(
      stores.signingKeys,
      new KeyVault(certificateKeysDir(config, opts.persistKeys)),
      config.CERTIFICATE_STATUS_CACHE_SECONDS * 1000,
    ),
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
