import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { must } from '../src/lib/must';
import { freePort, waitForPort } from '../src/db/ports';
import { client, daysAgo, inParallel, person, waitReady, benchEngine, BENCH_ADMIN, benchServiceEnv } from './support';

/**
 * `npm run bench` (its instances part): one, two and three service processes on one engine and
 * one database, as behind a load balancer. For each: births declared and registered per second
 * (requests sent to the processes in turn, BENCH_CONCURRENCY at a time), then person reads per
 * second (each process loaded at once, summed).
 */
const BIRTHS = Number(process.env.BENCH_INSTANCE_BIRTHS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const ADMIN = BENCH_ADMIN;

async function main() {
  const { engine } = await benchEngine();
  console.log(`engine: ${engine.name} ${engine.version}; ${os.cpus().length} cores; node ${process.version}`);
  const rows: string[] = [];
  try {
    for (const n of [1, 2, 3]) rows.push(await measure(n, engine.uri));
  } finally {
    await engine.stop();
  }
  console.log('\nprocesses  births declared+registered/s  person reads/s (sum)  p99 ms');
  for (const row of rows) console.log(row);
}

/** Starts `n` processes on a database of their own, loads them, stops them; one row of figures. */
async function measure(n: number, uri: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'registry-instances-'));
  const env = { ...benchServiceEnv({ uri, name: `bench_instances_${n}_${Date.now()}`, dataDir }), LOG_LEVEL: 'warn' };
  const children: ChildProcess[] = [];
  try {
    const bases: string[] = [];
    // The first makes the keys in the shared data folder; the others start once it is up.
    for (let i = 0; i < n; i++) {
      const port = await freePort();
      children.push(
        fork(path.join(__dirname, '../src/server.js'), [], {
          env: { ...env, PORT: String(port) },
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        }),
      );
      await waitForPort(port, 60_000);
      bases.push(`http://127.0.0.1:${port}`);
    }
    const apis = bases.map(client);
    for (const api of apis) await waitReady(api);
    const api = (i: number) => must(apis[i % apis.length], 'an instance');
    const admin = await api(0).login(ADMIN.username, ADMIN.password);
    for (const [role, username] of [
      ['officer', 'bench-officer'],
      ['registrar', 'bench-registrar'],
    ] as const)
      await api(0).post('/v1/users', admin, { username, password: ADMIN.password, role, office: 'BGD' });
    const officer = await api(1).login('bench-officer', ADMIN.password);
    const registrar = await api(2).login('bench-registrar', ADMIN.password);

    console.log(`${n} process(es): enrolling ${BIRTHS * 2} parents…`);
    const couples = await inParallel(BIRTHS, CONCURRENCY, async (i) => {
      const mother = await api(i).post('/v1/persons', registrar, person('female', i));
      const father = await api(i + 1).post('/v1/persons', registrar, person('male', i));
      return { mother: String(mother.nin), father: String(father.nin) };
    });
    console.log(`${n} process(es): declaring and registering ${BIRTHS} births, ${CONCURRENCY} at a time…`);
    const started = performance.now();
    await inParallel(BIRTHS, CONCURRENCY, async (i) => {
      const c = must(couples[i], 'a couple');
      const declared = await api(i).post('/v1/births', officer, {
        child: { givenName: 'زينب', sex: 'female', dateOfBirth: daysAgo(10), placeOfBirth: { governorate: 'IQ-BG' } },
        mother: { nin: c.mother },
        father: { nin: c.father },
      });
      await api(i + 1).post(`/v1/records/${String(declared.id)}/registration`, registrar, undefined, 200);
    });
    const birthsPerSecond = BIRTHS / ((performance.now() - started) / 1000);

    const nins = couples.flatMap((c) => [c.mother, c.father]);
    const reads = await Promise.all(bases.map((base) => load(base, nins, registrar)));
    const rps = reads.reduce((sum, r) => sum + r.rps, 0);
    const p99 = Math.max(...reads.map((r) => r.p99));
    return `${String(n).padEnd(11)}${birthsPerSecond.toFixed(1).padEnd(30)}${rps.toFixed(0).padEnd(22)}${p99}`;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** GET /v1/persons/{nin} for READ_SECONDS on one process, 10 connections, after a second of warm-up. */
async function load(base: string, nins: string[], token: string) {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: 10,
      duration,
      headers: { authorization: `Bearer ${token}` },
      requests: [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/persons/${nins[i++ % nins.length]}` }) },
      ],
    });
  await run(1);
  const result = await run(READ_SECONDS);
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx from ${base}`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
