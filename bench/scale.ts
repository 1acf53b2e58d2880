import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config';
import { must } from '../src/lib/must';
import { resolveEngine } from '../src/db/engine';
import { freePort, waitForPort } from '../src/db/ports';
import { forkBaseline } from './baseline';
import { createLogger } from '../src/http/logging';
import { rebuildProjections } from '../src/journal/rebuild';
import { verifyChain } from '../src/journal/verify';
import { readRows } from '../src/modules/imports/format';
import { importLegacyRegister } from '../src/modules/imports/importer';
import { connect } from '../src/db/connection';
import { createServices } from '../src/services';
import { writeLegacyFile } from '../seed/legacy-file';
import type { Person } from '../src/modules/persons/store';
import { familyRegisterKey } from '../src/modules/persons/schemas';

/** A date `days` before today: births and deaths declared within their deadline, whatever day the bench runs. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * `npm run bench` (second part): the registry at scale. For each size in BENCH_SCALES (default
 * 10,000 and 1,000,000 people), on a fresh embedded engine: import that many people from the
 * legacy register, then time person reads beside a bare driver endpoint, name searches, births
 * declared and registered by 8 concurrent clients, journal verification and a full rebuild.
 * Prints a table per size and the cost at the largest size over the cost at the smallest.
 */
const SCALES = (process.env.BENCH_SCALES ?? '10000,1000000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const BIRTHS = Number(process.env.BENCH_SCALE_BIRTHS ?? 400);
const CLIENTS = 8;
const PASSWORD = 'Ishtar gate at night 575';

interface Figures {
  people: number;
  importSeconds: number;
  read: Latency & { rps: number };
  bare: Latency & { rps: number };
  searchName: Latency;
  searchNameDate: Latency;
  searchOtherParts: Latency;
  searchNameCap100: Latency;
  /** The same names asked a second time: their rows and people already read into memory once. */
  searchNameAgain: Latency;
  /** A given name alone: a full page of 20 at every size, so the cost of the same answer at each. */
  searchGivenName: Latency;
  /** `GET /v1/persons/{nin}/family`: parents, spouses and children, as the counter asks for them. */
  family: Latency;
  /** `GET /v1/persons?familyRegister=`: the people of one page of the family register. */
  familyRegister: Latency;
  birth: Latency & { perSecond: number };
  /** One client alone: the latency of one birth, with nothing queued before it. */
  birthAlone: Latency;
  verifySeconds: number;
  rebuildSeconds: number;
}
interface Latency {
  p50: number;
  p99: number;
}

async function main() {
  const results: Figures[] = [];
  for (const people of SCALES) {
    results.push(await atScale(people));
    console.log(`  figures: ${JSON.stringify(results[results.length - 1])}`);
  }
  console.log(
    `\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}`,
  );
  const row = (label: string, f: (x: Figures) => string) =>
    console.log(`${label.padEnd(52)} ${results.map((r) => f(r).padStart(24)).join('')}`);
  row('people in the registry', (r) => r.people.toLocaleString('en'));
  row('import (s)', (r) => r.importSeconds.toFixed(1));
  row('import rate (people/s)', (r) => Math.round(r.people / r.importSeconds).toLocaleString('en'));
  row('GET /v1/persons/{nin} p50 / p99 (ms)', (r) => `${r.read.p50} / ${r.read.p99}`);
  row('GET /v1/persons/{nin} requests/s', (r) => r.read.rps.toFixed(0));
  row('bare driver findOne requests/s (p99 ms)', (r) => `${r.bare.rps.toFixed(0)} (${r.bare.p99})`);
  row('read ratio to the bare endpoint', (r) => (r.read.rps / r.bare.rps).toFixed(2));
  row('search by name p50 / p99 (ms)', (r) => `${r.searchName.p50} / ${r.searchName.p99}`);
  row(
    'search by name, the same asked again (their pages in memory) p50 / p99 (ms)',
    (r) => `${r.searchNameAgain.p50} / ${r.searchNameAgain.p99}`,
  );
  row(
    'search by name, count capped at 100, p50 / p99 (ms)',
    (r) => `${r.searchNameCap100.p50} / ${r.searchNameCap100.p99}`,
  );
  row(
    'search by a given name alone (a full page at both sizes) p50 / p99 (ms)',
    (r) => `${r.searchGivenName.p50} / ${r.searchGivenName.p99}`,
  );
  row('search by name and date of birth p50 / p99 (ms)', (r) => `${r.searchNameDate.p50} / ${r.searchNameDate.p99}`);
  row(
    'search by family and given name (out of order) p50 / p99 (ms)',
    (r) => `${r.searchOtherParts.p50} / ${r.searchOtherParts.p99}`,
  );
  row('GET /v1/persons/{nin}/family p50 / p99 (ms)', (r) => `${r.family.p50} / ${r.family.p99}`);
  row('people of a family register page p50 / p99 (ms)', (r) => `${r.familyRegister.p50} / ${r.familyRegister.p99}`);
  row('birth declared + registered, one client, p50 / p99 (ms)', (r) => `${r.birthAlone.p50} / ${r.birthAlone.p99}`);
  row(`birth declared + registered, ${CLIENTS} clients, p50 / p99 (ms)`, (r) => `${r.birth.p50} / ${r.birth.p99}`);
  row(`births declared + registered per second (${CLIENTS} clients)`, (r) => r.birth.perSecond.toFixed(1));
  row('journal:verify (s)', (r) => r.verifySeconds.toFixed(1));
  row('projections:rebuild (s)', (r) => r.rebuildSeconds.toFixed(1));
  const [small, large] = [results[0], results.at(-1)];
  if (small && large && results.length > 1) {
    const ratio = (f: (x: Figures) => number) => (f(large) / f(small)).toFixed(2);
    console.log(
      `\ncost at ${large.people.toLocaleString('en')} over cost at ${small.people.toLocaleString('en')} (p50): read ${ratio((r) => r.read.p50)}, ` +
        `search by name ${ratio((r) => r.searchName.p50)} (p99 ${ratio((r) => r.searchName.p99)}; asked again: ${ratio((r) => r.searchNameAgain.p50)}, p99 ${ratio((r) => r.searchNameAgain.p99)}; capped at 100: ${ratio((r) => r.searchNameCap100.p50)}, p99 ${ratio((r) => r.searchNameCap100.p99)}), a given name alone ${ratio((r) => r.searchGivenName.p50)} (p99 ${ratio((r) => r.searchGivenName.p99)}), search by name and date ${ratio((r) => r.searchNameDate.p50)}, family ${ratio((r) => r.family.p50)}, family register page ${ratio((r) => r.familyRegister.p50)}, registration ${ratio((r) => r.birthAlone.p50)}`,
    );
  }
}

async function atScale(people: number): Promise<Figures> {
  const config = loadConfig({ ...process.env, MONGODB_URI: undefined });
  const engine = await resolveEngine({
    mongodbUri: process.env.MONGODB_URI,
    engine: config.DB_ENGINE,
    cacheDir: config.ENGINE_CACHE_DIR,
    log: (m) => console.error(m),
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'registry-scale-'));
  const dbName = `scale_${people}_${Date.now()}`;
  const children: ChildProcess[] = [];
  try {
    console.log(`\n== ${people.toLocaleString('en')} people, on ${engine.name} ${engine.version}`);
    const file = path.join(dataDir, 'legacy.ndjson');
    await writeLegacyFile(file, people, 'bench');
    const conn = await connect(engine.uri, dbName);
    const services = await createServices(
      conn,
      loadConfig({ ...process.env, DATA_DIR: dataDir }),
      createLogger('silent'),
      { persistKeys: true },
    );
    const ctx = { actor: { id: 'import:bench', role: 'system' as const }, requestId: 'bench' };
    let started = performance.now();
    let lastPrint = 0;
    let namesakes = 0;
    const imported = await importLegacyRegister(services, ctx, readRows(createReadStream(file), 'ndjson'), {
      source: 'bench',
      // Namesakes of other families born on the same day (a few dozen in a million drawn from a few
      // dozen names) are refused as possible duplicates, as the registry would; anything else is a bug.
      // Their children are enrolled without that parent, with a warning.
      onRejection: (r) => {
        if (r.warning) return;
        if (!/possible duplicate/.test(r.reason)) throw new Error(`bench row refused: ${JSON.stringify(r)}`);
        namesakes++;
      },
      onBatch: (r) => {
        if (performance.now() - lastPrint > 30_000) {
          lastPrint = performance.now();
          console.log(
            `  imported ${r.imported.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
          );
        }
      },
    });
    const importSeconds = (performance.now() - started) / 1000;
    console.log(
      `  import: ${imported.imported.toLocaleString('en')} people in ${importSeconds.toFixed(1)} s (${namesakes} refused as possible duplicates)`,
    );

    // Samples: readers by NIN, names to search, parents for births.
    const sample = await services.persons.collection.find({}).limit(5000).toArray();
    const nins = sample.map((p) => p._id);
    const mothers = sample.filter((p) => p.sex === 'female' && p.dateOfBirth >= '1972' && p.dateOfBirth <= '2004');
    const fathers = sample.filter((p) => p.sex === 'male' && p.dateOfBirth >= '1960' && p.dateOfBirth <= '2004');

    const servicePort = await freePort();
    const env = {
      ...process.env,
      MONGODB_URI: engine.uri,
      MONGODB_DB: dbName,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    children.push(
      fork(path.join(__dirname, '../src/server.js'), [], {
        env: {
          ...env,
          PORT: String(servicePort),
          RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
          ACCESS_TOKEN_TTL_SECONDS: '3600',
          BOOTSTRAP_ADMIN_USERNAME: 'bench-admin',
          BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      }),
    );
    await waitForPort(servicePort, 60_000);
    const base = `http://127.0.0.1:${servicePort}`;
    const admin = await login(base, 'bench-admin');
    for (const role of ['officer', 'registrar'])
      await call(base, 'POST', '/v1/users', admin, {
        username: `bench-${role}`,
        password: PASSWORD,
        role,
        office: 'BGD',
      });
    const officer = await login(base, 'bench-officer');
    const registrar = await login(base, 'bench-registrar');

    const { child: baseline, port: baselinePort } = await forkBaseline(env);
    children.push(baseline);

    console.log(`  reading persons by NIN, ${SECONDS} s each…`);
    const bare = await load(
      `http://127.0.0.1:${baselinePort}`,
      nins.map((n) => `/persons/${n}`),
      undefined,
    );
    const read = await load(
      base,
      nins.map((n) => `/v1/persons/${n}`),
      officer,
    );

    console.log('  searching…');
    // A name alone as it is typed at the counter, two to four parts, in turn: given and father,
    // given and family, the three names, given, father and family, the whole name (the legacy
    // file's names are a few dozen, so every query is of common names: thousands share a pair).
    const SHAPES = [
      (n: Person['name']) => [n.givenName, n.fatherName],
      (n: Person['name']) => [n.givenName, n.familyName],
      (n: Person['name']) => [n.givenName, n.fatherName, n.grandfatherName],
      (n: Person['name']) => [n.givenName, n.fatherName, n.familyName],
      (n: Person['name']) => [n.givenName, n.fatherName, n.grandfatherName, n.familyName],
    ];
    const query = (parts: (string | undefined)[]) =>
      `/v1/persons?q=${encodeURIComponent(parts.filter(Boolean).join(' '))}`;
    const byName = sample
      .slice(0, Number(process.env.BENCH_NAME_SEARCHES ?? 200))
      .map((p, i) => query(must(SHAPES[i % SHAPES.length], 'a shape')(p.name)));
    // The family name before the given name: no name begins so as typed, so it is read with the
    // family name first, as a beginning of the family-second key (search.ts, familyFirst): a few.
    const byOtherParts = sample
      .slice(0, Number(process.env.BENCH_OTHER_PART_SEARCHES ?? 10))
      .map((p) => query([p.name.familyName, p.name.givenName]));
    const byNameDate = sample
      .slice(0, 200)
      .map(
        (p) =>
          `/v1/persons?q=${encodeURIComponent(`${p.name.givenName} ${p.name.familyName ?? ''}`.trim())}&dateOfBirth=${p.dateOfBirth}`,
      );
    const searchName = await timeEach(byName.length, 1, (i) =>
      call(base, 'GET', must(byName[i], 'a name query'), officer),
    );
    // The same queries again: what they cost once the pages they read are in memory. At a million
    // people the embedded engine's file is 6.5 GB, and the first asking of a name reads its rows and
    // people from the file system (a probe: 10-11 ms p50 for names never asked, 7 for names asked
    // before, same shapes); at 10,000 the whole registry is in memory after the import.
    const searchNameAgain = await timeEach(byName.length, 1, (i) =>
      call(base, 'GET', must(byName[i], 'a name query'), officer),
    );
    // The same answer at every size: a given name alone is shared by hundreds at 10,000 people
    // already, so each search answers a full page of 20 (at 10,000 the shapes above answer one or two).
    const byGivenName = sample.slice(0, 200).map((p) => query([p.name.givenName]));
    const searchGivenName = await timeEach(byGivenName.length, 1, (i) =>
      call(base, 'GET', must(byGivenName[i], 'a given name query'), officer),
    );
    const searchNameDate = await timeEach(byNameDate.length, 1, (i) =>
      call(base, 'GET', must(byNameDate[i], 'a name and date query'), officer),
    );
    const searchOtherParts = await timeEach(byOtherParts.length, 1, (i) =>
      call(base, 'GET', must(byOtherParts[i], 'an out-of-order query'), officer),
    );
    // The same names with a count capped at 100 (SEARCH_COUNT_CAP): a second process on the same
    // engine and keys, so the officer's token is good there too.
    const cappedPort = await freePort();
    const cappedService = fork(path.join(__dirname, '../src/server.js'), [], {
      env: { ...env, PORT: String(cappedPort), SEARCH_COUNT_CAP: '100' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(cappedService);
    await waitForPort(cappedPort, 60_000);
    const searchNameCap100 = await timeEach(byName.length, 1, (i) =>
      call(`http://127.0.0.1:${cappedPort}`, 'GET', must(byName[i], 'a name query'), officer),
    );
    cappedService.kill('SIGTERM');

    // The family search: a person's family, and the people of a person's page of the family register.
    const family = await timeEach(200, 1, (i) =>
      call(base, 'GET', `/v1/persons/${must(sample[i * 7], 'a person')._id}/family`, officer),
    );
    const pages = sample.flatMap((p) => (p.familyRegister ? [familyRegisterKey(p.familyRegister)] : []));
    if (pages.length < 200) throw new Error('the legacy file gave fewer than 200 people a family register page');
    const familyRegister = await timeEach(200, 1, (i) =>
      call(
        base,
        'GET',
        `/v1/persons?familyRegister=${encodeURIComponent(must(pages[(i * 7) % pages.length], 'a page'))}`,
        officer,
      ),
    );

    const declareAndRegister = async (i: number) => {
      const declared = await call(base, 'POST', '/v1/births', officer, {
        child: { givenName: 'زينب', sex: 'female', dateOfBirth: daysAgo(10), placeOfBirth: { governorate: 'IQ-BG' } },
        mother: { nin: must(mothers[i % mothers.length], 'a mother')._id },
        father: { nin: must(fathers[(i * 7) % fathers.length], 'a father')._id },
      });
      await call(base, 'POST', `/v1/records/${String(declared.id)}/registration`, registrar, undefined);
    };
    console.log('  declaring and registering 50 births, one client…');
    const birthAlone = await timeEach(50, 1, declareAndRegister);
    console.log(`  declaring and registering ${BIRTHS} births, ${CLIENTS} clients…`);
    started = performance.now();
    const birth = await timeEach(BIRTHS, CLIENTS, (i) => declareAndRegister(i + 50));
    const perSecond = BIRTHS / ((performance.now() - started) / 1000);

    for (const c of children.splice(0)) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));

    // BENCH_SCALE_REBUILD=0 leaves out the journal's verification and the rebuild (a quarter of an
    // hour at a million people): they read the whole journal, whose cost no change to a read path moves.
    let [verifySeconds, rebuildSeconds] = [NaN, NaN];
    if (process.env.BENCH_SCALE_REBUILD !== '0') {
      console.log('  verifying the journal…');
      started = performance.now();
      const report = await verifyChain(services.journal.entries);
      if (!report.ok) throw new Error('the journal did not verify');
      verifySeconds = (performance.now() - started) / 1000;
      console.log(`  verify: ${report.entries} entries in ${verifySeconds.toFixed(1)} s; rebuilding…`);
      started = performance.now();
      await rebuildProjections(services);
      rebuildSeconds = (performance.now() - started) / 1000;
      console.log(`  rebuild: ${rebuildSeconds.toFixed(1)} s`);
    }
    await conn.close();
    return {
      people,
      importSeconds,
      read,
      bare,
      searchName,
      searchNameDate,
      searchOtherParts,
      searchNameCap100,
      searchNameAgain,
      searchGivenName,
      family,
      familyRegister,
      birth: { ...birth, perSecond },
      birthAlone,
      verifySeconds,
      rebuildSeconds,
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await engine.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function call(
  base: string,
  method: string,
  route: string,
  token: string | undefined,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(base + route, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function login(base: string, username: string): Promise<string> {
  return (await call(base, 'POST', '/v1/auth/login', undefined, { username, password: PASSWORD }))
    .accessToken as string;
}

/** Requests per second and latency over SECONDS with 8 connections, cycling through the paths. */
async function load(base: string, paths: string[], token: string | undefined): Promise<Latency & { rps: number }> {
  const result = await autocannon({
    url: base,
    connections: 8,
    duration: SECONDS,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    requests: paths.slice(0, 2000).map((p) => ({ method: 'GET', path: p })),
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} reads failed`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Runs `count` operations, `concurrency` at a time, and gives the p50 and p99 of their durations. */
async function timeEach(count: number, concurrency: number, work: (i: number) => Promise<unknown>): Promise<Latency> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await work(i);
        durations.push(performance.now() - t);
      }
    }),
  );
  durations.sort((a, b) => a - b);
  // No sample gives no figure (NaN), as a p50 of nothing should.
  const at = (q: number) =>
    Math.round((durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? NaN) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99) };
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
