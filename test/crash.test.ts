import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { freePort, waitForPort } from '../src/db/ports';
import { createLogger } from '../src/http/logging';
import { rebuildProjections } from '../src/journal/rebuild';
import { verifyJournal } from '../src/journal/verify';
import { connect } from '../src/db/connection';
import { createServices } from '../src/services';
import { NO_DEADLINES } from './support/harness';

/**
 * Crash tests on real processes: the service (run from its TypeScript sources) is killed with
 * SIGKILL in the middle of a burst of declarations and registrations, and its database engine
 * is killed under it. Every unanswered request is retried with its Idempotency-Key; then nothing
 * acknowledged may be lost, nothing applied twice, no key stuck, the journal must verify and the
 * projections must equal a rebuild from the journal.
 */
const ROOT = path.join(__dirname, '..');
const PASSWORD = 'Gilgamesh tablet XI 2026';
const BURST = 24;

let dataDir: string;
let port: number;
let service: ChildProcess | undefined;

async function startService(): Promise<void> {
  service = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'support', 'ts-register.cjs'), path.join(ROOT, 'src', 'server.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        // Its births have fixed dates: no deadline passes as the calendar moves (support/harness.ts).
        ...NO_DEADLINES,
        MONGODB_URI: '',
        DB_ENGINE: 'ferretdb',
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'silent',
        IDEMPOTENCY_LEASE_SECONDS: '2',
        RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
        BOOTSTRAP_ADMIN_USERNAME: 'crash-admin',
        BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
      },
      stdio: ['ignore', process.env.CRASH_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
    },
  );
  await waitForPort(port, 60_000);
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not become ready');
}

async function call(
  method: string,
  route: string,
  token?: string,
  body?: unknown,
  key?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}${route}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** Retries a keyed request until it has an answer that is not a crash or an outage (5xx, 409 in progress). */
async function untilAnswered(
  send: () => Promise<{ status: number; body: Record<string, unknown> }>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  for (let attempt = 0; attempt < 80; attempt++) {
    const res = await send().catch(() => ({ status: 0, body: {} }));
    const inProgress = res.status === 409 && (res.body as { code?: string }).code === 'idempotency-in-progress';
    if (res.status !== 0 && res.status < 500 && !inProgress) return res;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('a request was never answered');
}

const login = async (username: string) =>
  (await untilAnswered(() => call('POST', '/v1/auth/login', undefined, { username, password: PASSWORD }))).body
    .accessToken as string;
const person = (sex: 'female' | 'male', i: number) => ({
  name: {
    givenName: sex === 'female' ? 'سلمى' : 'ياسر',
    fatherName: 'عادل',
    grandfatherName: 'نوري',
    familyName: 'العبيدي',
  },
  sex,
  dateOfBirth: `${sex === 'female' ? 1991 : 1988}-0${1 + (i % 9)}-1${i % 10}`,
  placeOfBirth: { governorate: 'IQ-DI' },
});

interface Burst {
  sent: { key: string; body: unknown; mother: string }[];
  acknowledged: Map<string, string>;
  /** Every status answered during the burst (0: no answer, the service was down). */
  statuses: number[];
}

/** Declares and registers BURST births concurrently; `b` fills in as answers come. */
async function burst(
  b: Burst,
  officer: string,
  registrar: string,
  couples: { mother: string; father: string }[],
  tag: string,
): Promise<void> {
  b.sent = couples.map((c, i) => ({
    key: `crash-${tag}-${i}-${randomBytes(4).toString('hex')}`,
    mother: c.mother,
    body: {
      child: { givenName: 'مريم', sex: 'female', dateOfBirth: '2026-02-02', placeOfBirth: { governorate: 'IQ-DI' } },
      mother: { nin: c.mother },
      father: { nin: c.father },
    },
  }));
  const { acknowledged } = b;
  await Promise.all(
    b.sent.map(async (s) => {
      const declared = await call('POST', '/v1/births', officer, s.body, s.key).catch(() => undefined);
      b.statuses.push(declared?.status ?? 0);
      if (declared?.status !== 201) return;
      acknowledged.set(s.key, declared.body.id as string);
      const registered = await call(
        'POST',
        `/v1/records/${String(declared.body.id)}/registration`,
        registrar,
        undefined,
        `${s.key}-reg`,
      ).catch(() => undefined);
      b.statuses.push(registered?.status ?? 0);
    }),
  );
}

/** Waits until a third of the burst was acknowledged: then the kill falls in its middle. */
async function aThirdAnswered(b: Burst): Promise<void> {
  for (let i = 0; i < 600 && b.acknowledged.size < BURST / 3; i++) await new Promise((r) => setTimeout(r, 10));
}

const newBurst = (): Burst => ({ sent: [], acknowledged: new Map(), statuses: [] });

/** Retries everything of a burst with its keys; every declaration ends declared once and registered. */
async function settle(b: Burst, officer: string, registrar: string): Promise<void> {
  for (const s of b.sent) {
    const declared = await untilAnswered(() => call('POST', '/v1/births', officer, s.body, s.key));
    expect(declared.status).toBe(201);
    const id = declared.body.id as string;
    // Nothing acknowledged is lost, nor answered differently on retry.
    if (b.acknowledged.has(s.key)) expect(id).toBe(b.acknowledged.get(s.key));
    const registered = await untilAnswered(() =>
      call('POST', `/v1/records/${id}/registration`, registrar, undefined, `${s.key}-reg`),
    );
    expect([200, 409]).toContain(registered.status); // 409: it was registered before the crash
    const record = await untilAnswered(() => call('GET', `/v1/records/${id}`, registrar));
    expect(record.body.status).toBe('registered');
  }
}

/** The invariants after recovery, read straight from the database. */
async function checkInvariants(mothers: string[]): Promise<void> {
  const config = loadConfig({ ...process.env, ...NO_DEADLINES, DATA_DIR: dataDir, MONGODB_URI: undefined });
  const { uri } = JSON.parse(readFileSync(path.join(dataDir, 'engine.json'), 'utf8')) as { uri: string };
  const conn = await connect(uri, config.MONGODB_DB);
  try {
    const services = await createServices(conn, config, createLogger('silent'), { persistKeys: true });
    // Nothing applied twice: one birth per mother, one registration per record.
    for (const mother of mothers)
      expect(await services.records.collection.countDocuments({ 'data.mother.nin': mother })).toBe(1);
    const registered = await services.journal.entries.find({ type: 'birth.registered' }).toArray();
    const perRecord = new Map<string, number>();
    for (const e of registered)
      perRecord.set(
        (e.data as { recordId: string }).recordId,
        (perRecord.get((e.data as { recordId: string }).recordId) ?? 0) + 1,
      );
    expect([...perRecord.values()].filter((n) => n > 1)).toEqual([]);
    // No key stuck.
    expect(await services.models.idempotency.countDocuments({ state: 'pending' })).toBe(0);
    expect((await verifyJournal(services.journal)).problems).toEqual([]);
    const snapshot = async () => ({
      persons: await services.persons.list({}),
      records: await services.records.list({}),
      nameIndex: await services.nameIndex.list({}),
    });
    const before = await snapshot();
    await rebuildProjections(services);
    expect(await snapshot()).toEqual(before);
  } finally {
    await conn.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'registry-crash-'));
  port = await freePort();
  await startService();
}, 120_000);

afterAll(async () => {
  service?.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  await rm(dataDir, { recursive: true, force: true });
});

describe('crash recovery', () => {
  it('loses nothing acknowledged and applies nothing twice when the service is killed mid-burst', async () => {
    const admin = await login('crash-admin');
    for (const role of ['officer', 'registrar'])
      await untilAnswered(() =>
        call('POST', '/v1/users', admin, { username: `crash-${role}`, password: PASSWORD, role, office: 'BGD' }),
      );
    const [officer, registrar] = [await login('crash-officer'), await login('crash-registrar')];
    const couples: { mother: string; father: string }[] = [];
    for (let i = 0; i < BURST * 2; i++) {
      const mother = await untilAnswered(() => call('POST', '/v1/persons', registrar, person('female', i)));
      const father = await untilAnswered(() => call('POST', '/v1/persons', registrar, person('male', i)));
      couples.push({ mother: mother.body.nin as string, father: father.body.nin as string });
    }

    // 1. The service killed with SIGKILL while the burst is in flight, then started again.
    const b1 = newBurst();
    const first = burst(b1, officer, registrar, couples.slice(0, BURST), 'service');
    await aThirdAnswered(b1);
    service!.kill('SIGKILL');
    await first;
    expect(b1.acknowledged.size).toBeGreaterThan(0);
    await startService();
    await settle(b1, officer, registrar);

    // 2. The database engine killed under the running service (its supervisor restarts it).
    const b2 = newBurst();
    const second = burst(b2, officer, registrar, couples.slice(BURST), 'engine');
    await aThirdAnswered(b2);
    const enginePid = Number(readFileSync(path.join(dataDir, 'ferretdb', 'ferretdb.pid'), 'utf8'));
    process.kill(enginePid, 'SIGKILL');
    await second;
    expect(b2.acknowledged.size).toBeGreaterThan(0);
    // A request that meets the dead engine is told to come back (503), never "internal" (500).
    expect(b2.statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    await settle(b2, officer, registrar);

    await checkInvariants(couples.map((c) => c.mother));
  }, 240_000);
});
