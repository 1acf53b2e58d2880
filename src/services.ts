import mongoose, { type Connection } from 'mongoose';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Config } from './config';
import { engineTraits, type EngineTraits } from './db/apply-once';
import { Journal } from './journal/journal';
import { loadOrCreateKey } from './modules/auth/keys';
import { AccessLog, accessModel } from './modules/access-log/access-log';
import { AccountStatus } from './modules/auth/account-status';
import { activationCodeModel } from './modules/citizens/model';
import { refreshTokenModel } from './modules/auth/refresh-model';
import { throttleModel } from './modules/auth/throttle-model';
import { TokenService } from './modules/auth/tokens';
import { clientModel } from './modules/clients/model';
import { officeModel } from './modules/offices/model';
import { personModel } from './modules/persons/model';
import { recordModel } from './modules/records/model';
import { userModel } from './modules/users/model';
import { idempotencyModel } from './http/idempotency-model';
import { registerProjectors } from './projectors';

mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

export type Models = ReturnType<typeof createModels>;

function createModels(conn: Connection, traits: EngineTraits) {
  return {
    traits,
    persons: personModel(conn),
    records: recordModel(conn),
    users: userModel(conn),
    offices: officeModel(conn),
    idempotency: idempotencyModel(conn),
    clients: clientModel(conn),
    refreshTokens: refreshTokenModel(conn),
    throttles: throttleModel(conn),
    access: accessModel(conn),
    activationCodes: activationCodeModel(conn),
  };
}

/** Everything a request handler may use; built once per process (once per test file). */
export interface Services {
  config: Config;
  conn: Connection;
  db: Db;
  models: Models;
  journal: Journal;
  tokens: TokenService;
  accounts: AccountStatus;
  accessLog: AccessLog;
  log: Logger;
}

export async function connect(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, { dbName, ignoreUndefined: true, serverSelectionTimeoutMS: 10_000 });
  await conn.asPromise();
  return conn;
}

/** Builds the services on an open connection: indexes first, then replay of unapplied entries. */
export async function createServices(
  conn: Connection, config: Config, log: Logger, opts: { persistKeys: boolean },
): Promise<Services> {
  const db = conn.db;
  if (!db) throw new Error('database connection is not open');
  const models = createModels(conn, await engineTraits(db.admin()));
  // A unique index that does not exist yet protects nothing: create them before serving.
  const { traits: _traits, ...collections } = models;
  await Promise.all(Object.values(collections).map((m) => m.createIndexes()));
  await db.collection('journal').createIndex({ 'actor.id': 1, _id: 1 }); // serves GET /v1/audit?actor=
  await db.collection('journal').createIndex({ entityIds: 1, _id: 1 }); // serves ?recordId= and record history
  const journal = new Journal(db);
  const key = await loadOrCreateKey('access-token', opts.persistKeys ? config.DATA_DIR : undefined, config.TOKEN_SIGNING_KEY_FILE);
  const services: Services = {
    config, conn, db, models, journal, log,
    tokens: new TokenService(key, config.TOKEN_ISSUER, config.ACCESS_TOKEN_TTL_SECONDS),
    accessLog: new AccessLog(models.access, log),
    accounts: new AccountStatus(models.users, models.clients, config.ACCOUNT_STATUS_CACHE_SECONDS * 1000),
  };
  registerProjectors(services);
  const replayed = await journal.catchUp();
  if (replayed > 0) log.info({ replayed }, 'replayed journal entries past the last checkpoint');
  return services;
}
