import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { ConnectionStates } from 'mongoose';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/http/logging';
import type { Role, Scope } from '../../src/journal/types';
import { createClient } from '../../src/modules/clients/commands';
import { enrolPerson } from '../../src/modules/persons/commands';
import type { EnrolPerson } from '../../src/modules/persons/schemas';
import { Problem } from '../../src/http/problem';
import { createUser } from '../../src/modules/users/commands';
import { createOffice } from '../../src/modules/offices/commands';
import { connect } from '../../src/db/connection';
import { createServices, type Services } from '../../src/services';
import { instanceCount, startInstances, type Instances } from './instances';

/** What supertest sends requests to: an express app, or the handler in front of several instances. */
export type App = Express | Instances['handler'];

export interface Harness {
  services: Services;
  /**
   * Where requests go: the service in this process, or with TEST_INSTANCES=n, a random one of n
   * service processes on this harness's database.
   */
  app: App;
  /** The service processes' addresses with TEST_INSTANCES=n (none when the service runs in this process). */
  urls: string[];
  /** For tests that run commands directly: `services`, or a random one of n instances in this process on one database. */
  instance(): Services;
  /** A bearer token for a new user of that role (a new user per call: four eyes needs two). */
  token(role: Exclude<Role, 'citizen'>, office?: string): Promise<string>;
  /** A citizen account (for a new enrolled person, or the given NIN) and its token. */
  citizen(nin?: string): Promise<{ token: string; nin: string; userId: string }>;
  /** A token of a new sectoral client holding these scopes. */
  clientToken(scopes: Scope[]): Promise<string>;
  close(): Promise<void>;
}

/** The community service centre whose clerks `token('service-clerk')` makes. */
export const TEST_CENTRE = 'KPC';

const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'test-setup' };

/**
 * The tests date their events on fixed days (a birth on 2026-03-14) and declare them today:
 * under the law's deadlines those declarations grow late, then delayed (refused without a court
 * order), as the calendar moves on, and tests of other things would change with the date they
 * run. So the harness runs under deadlines no fixed date passes; test/timeliness.test.ts runs
 * under the law's own (`LAW_DEADLINES`), with event dates reckoned from today.
 */
export const NO_DEADLINES = {
  REGISTRATION_DAYS_HEALTH_FACILITY: '36500',
  REGISTRATION_DAYS_ELSEWHERE: '36500',
  DELAYED_REGISTRATION_AFTER_YEARS: '200',
};
export const LAW_DEADLINES = {
  REGISTRATION_DAYS_HEALTH_FACILITY: '15',
  REGISTRATION_DAYS_ELSEWHERE: '30',
  DELAYED_REGISTRATION_AFTER_YEARS: '1',
};

/** The real service on a database of its own, on the engine globalSetup started. */
export async function startHarness(
  env: Record<string, string> = {},
  logTo?: { write(line: string): void },
): Promise<Harness> {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is unset: run the tests through jest (globalSetup starts the engine)');
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  const count = instanceCount(env);
  const conn = await connect(uri, dbName);
  // The documents' files go to a folder of this harness's own (as its database is), unless the test names one.
  const documents = env.DOCUMENTS_DIR ? undefined : mkdtempSync(path.join(os.tmpdir(), 'registry-documents-'));
  // Several instances share what a deployment shares: the database, the documents and the keys (kept in DATA_DIR).
  const dataDir = count > 1 ? mkdtempSync(path.join(os.tmpdir(), 'registry-instances-')) : undefined;
  const settings = {
    ...NO_DEADLINES,
    LOG_LEVEL: logTo ? 'info' : 'silent',
    ...(documents ? { DOCUMENTS_DIR: documents } : {}),
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    ...env,
  };
  const config = loadConfig({ ...process.env, ...settings });
  const log = createLogger(config.LOG_LEVEL, logTo);
  const services = await createServices(conn, config, log, { persistKeys: count > 1 });
  const peers: { conn: typeof conn; services: Services }[] = [];
  let instances: Instances | undefined;
  if (count > 1) {
    for (let i = 1; i < count; i++) {
      const peerConn = await connect(uri, dbName);
      peers.push({ conn: peerConn, services: await createServices(peerConn, config, log, { persistKeys: true }) });
    }
    instances = await startInstances(count, {
      ...settings,
      LOG_LEVEL: logTo ? 'info' : 'error',
      MONGODB_URI: uri,
      MONGODB_DB: dbName,
      PUBLIC_BASE_URL: config.PUBLIC_BASE_URL,
    });
  }
  const app = instances?.handler ?? createApp(services);
  const all = [services, ...peers.map((p) => p.services)];
  let n = 0;
  let centre: Promise<string> | undefined;
  return {
    services,
    app,
    urls: instances?.urls ?? [],
    instance: () => all[Math.floor(Math.random() * all.length)]!,
    async token(role, office) {
      // A service clerk works at a community service centre: the harness has one, made on first use.
      if (role === 'service-clerk' && !office) {
        centre ??= createOffice(services, SYSTEM, {
          code: TEST_CENTRE,
          name: 'Karkh post office service centre',
          governorate: 'IQ-BG',
          type: 'community-service-centre',
        }).then(() => TEST_CENTRE);
        office = await centre;
      }
      office ??= 'BGD';
      const user = await createUser(services, SYSTEM, {
        username: `${role}.${++n}.${randomBytes(3).toString('hex')}`,
        password: 'a long test password',
        role,
        office,
      });
      return services.tokens.issueAccess({ id: user._id, role: user.role, office: user.office });
    },
    async citizen(nin) {
      const personNin =
        nin ??
        (
          await enrolNamesake(services, {
            name: { givenName: 'نور', fatherName: 'كريم', grandfatherName: 'سالم' },
            sex: 'female',
            dateOfBirth: '1992-05-05',
            placeOfBirth: { governorate: 'IQ-BG' },
          })
        )._id;
      const user = await createUser(services, SYSTEM, {
        username: personNin,
        password: 'a long test password',
        role: 'citizen',
        office: 'BGD',
        nin: personNin,
      });
      return {
        token: services.tokens.issueAccess({ id: user._id, role: 'citizen', office: 'BGD', nin: personNin }),
        nin: personNin,
        userId: user._id,
      };
    },
    async clientToken(scopes) {
      const client = await createClient(services, SYSTEM, { name: `test client ${++n}`, scopes });
      return services.tokens.issueClient({ id: client.clientId, scopes });
    },
    async close() {
      await instances?.stop();
      for (const peer of peers) {
        await peer.services.accessLog.flush();
        await peer.conn.close();
      }
      await services.accessLog.flush();
      // Under CI load the driver may have marked the engine unreachable for a moment (a long CPU-bound
      // property run starves its heartbeat) and be reconnecting: wait for it rather than time out.
      if (conn.readyState !== ConnectionStates.connected)
        await new Promise((resolve) => conn.once('connected', resolve));
      await conn.dropDatabase();
      await conn.close();
      if (documents) rmSync(documents, { recursive: true, force: true });
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export { request };

/** Enrols one of the tests' namesakes (every citizen is Nour Karim Salim, born on one day): told they may be enrolled already, says they are other people. */
async function enrolNamesake(services: Services, input: EnrolPerson) {
  try {
    return await enrolPerson(services, SYSTEM, input);
  } catch (err) {
    if (!(err instanceof Problem) || err.extra.code !== 'possible-duplicate') throw err;
    return enrolPerson(services, SYSTEM, {
      ...input,
      notDuplicateOf: err.extra.candidates ?? [],
      reason: 'A namesake of the test fixtures',
    });
  }
}
