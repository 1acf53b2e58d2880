import { fork, type ChildProcess } from 'node:child_process';
import { FEED_TYPES } from '../src/events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { MAX_BATCH } from '../src/modules/identity/schemas';
import { ARGON2_OPTIONS } from '../src/modules/users/commands';
import { must } from '../src/lib/must';
import { freePort, waitForPort } from '../src/db/ports';
import { forkBaseline } from './baseline';
import { client, daysAgo, inParallel, person, waitReady, benchEngine, BENCH_ADMIN, benchServiceEnv } from './support';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * `npm run bench`: the service and a bare baseline each in a process of their own, on one engine,
 * loaded from this process. Prints births, marriages and deaths declared and registered per
 * second, person reads per second beside the baseline's (bare, and with token verification only),
 * reads of the vital statistics, and logins per second.
 */
const COUPLES = Number(process.env.BENCH_COUPLES ?? 200);
const BIRTHS = Number(process.env.BENCH_BIRTHS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 200);
const ADMIN = BENCH_ADMIN;

async function main() {
  const { engine } = await benchEngine();
  const dbName = `bench_${Date.now()}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'registry-bench-'));
  const env = benchServiceEnv({ uri: engine.uri, name: dbName, dataDir });
  process.env.BENCH_DATA_DIR = dataDir;
  const children: ChildProcess[] = [];
  try {
    const servicePort = await freePort();
    children.push(
      fork(path.join(__dirname, '../src/server.js'), [], {
        env: {
          ...env,
          PORT: String(servicePort),
          LOG_LEVEL: 'info',
          WEBHOOK_POLL_MS: '100',
          WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      }),
    );
    await waitForPort(servicePort, 30_000);
    const api = client(`http://127.0.0.1:${servicePort}`);
    await waitReady(api);

    const admin = await api.login(ADMIN.username, ADMIN.password);
    const users = { officer: 'bench-officer', registrar: 'bench-registrar' };
    for (const [role, username] of Object.entries(users)) {
      await api.post('/v1/users', admin, { username, password: ADMIN.password, role, office: 'BGD' });
    }
    const officer = await api.login(users.officer, ADMIN.password);
    const registrar = await api.login(users.registrar, ADMIN.password);

    console.log(`engine: ${engine.name} ${engine.version}; ${os.cpus().length} cores; node ${process.version}`);
    console.log(`enrolling ${COUPLES * 2} parents…`);
    const couples = await inParallel(COUPLES, CONCURRENCY, async (i) => {
      const mother = await api.post('/v1/persons', registrar, person('female', i));
      const father = await api.post('/v1/persons', registrar, person('male', i));
      return { mother: mother.nin as string, father: father.nin as string };
    });

    console.log(`declaring and registering ${BIRTHS} births, ${CONCURRENCY} at a time…`);
    const started = performance.now();
    const children_ = await inParallel(BIRTHS, CONCURRENCY, async (i) => {
      const c = must(couples[i % couples.length], 'a couple');
      const declared = await api.post('/v1/births', officer, {
        // A couple's second child is born ten months after the first: not a possible duplicate of it.
        child: {
          givenName: 'زينب',
          sex: 'female',
          dateOfBirth: daysAgo(i < couples.length ? 10 : 310),
          placeOfBirth: { governorate: 'IQ-BG' },
        },
        mother: { nin: c.mother },
        father: { nin: c.father },
      });
      const registered = await api.post(`/v1/records/${String(declared.id)}/registration`, registrar, undefined, 200);
      return { nin: registered.subjectNin as string, recordId: String(declared.id) };
    });
    const birthsPerSecond = BIRTHS / ((performance.now() - started) / 1000);

    // Each couple marries, then each husband dies: his widow's status is derived again on the way.
    const registeredPerSecond = async (what: string, body: (c: (typeof couples)[number]) => unknown) => {
      console.log(`declaring and registering ${COUPLES} ${what}, ${CONCURRENCY} at a time…`);
      const start = performance.now();
      await inParallel(COUPLES, CONCURRENCY, async (i) => {
        const declared = await api.post(`/v1/${what}`, officer, body(must(couples[i], 'a couple')));
        await api.post(`/v1/records/${String(declared.id)}/registration`, registrar, undefined, 200);
      });
      return COUPLES / ((performance.now() - start) / 1000);
    };
    const marriagesPerSecond = await registeredPerSecond('marriages', (c) => ({
      partyA: { nin: c.father },
      partyB: { nin: c.mother },
      dateOfMarriage: '2015-06-01',
      placeOfMarriage: { governorate: 'IQ-BG' },
    }));
    const deathsPerSecond = await registeredPerSecond('deaths', (c) => ({
      deceased: { nin: c.father },
      dateOfDeath: daysAgo(5),
      placeOfDeath: { governorate: 'IQ-BG' },
      causeOfDeath: { icd10: 'I21.9' },
    }));

    const nins = [...couples.flatMap((c) => [c.mother, c.father]), ...children_.map((c) => c.nin)];

    console.log(`issuing ${CERTIFICATES} birth certificates, ${CONCURRENCY} at a time, then printing each…`);
    let start = performance.now();
    const certificates = await inParallel(CERTIFICATES, CONCURRENCY, async (i) => {
      const issued = await api.post('/v1/certificates', officer, {
        recordId: must(children_[i % children_.length], 'a child').recordId,
      });
      return { id: String(issued.id), token: String(issued.token) };
    });
    const issuedPerSecond = CERTIFICATES / ((performance.now() - start) / 1000);
    const pdfTimes: number[] = [];
    start = performance.now();
    await inParallel(CERTIFICATES, 2, async (i) => {
      const t = performance.now();
      await api.pdf(`/v1/certificates/${must(certificates[i], 'a certificate').id}/pdf`, officer);
      pdfTimes.push(performance.now() - t);
    });
    const pdfsPerSecond = CERTIFICATES / ((performance.now() - start) / 1000);
    pdfTimes.sort((a, b) => a - b);
    const pdfMedian = pdfTimes[Math.floor(pdfTimes.length / 2)] ?? NaN; // no PDF timed: no figure

    console.log(`verifying certificates for ${READ_SECONDS} s (${certificates.length} distinct tokens)…`);
    const verifications = await loadPost(
      `http://127.0.0.1:${servicePort}/v1/certificates/verification`,
      certificates.map((c) => JSON.stringify({ token: c.token })),
    );
    const { child: baseline, port: baselinePort } = await forkBaseline(env);
    children.push(baseline);

    console.log(`identity verifications for ${READ_SECONDS} s, then batches of ${MAX_BATCH}…`);
    const sectoral = await api.post('/v1/clients', admin, {
      name: 'bench ministry',
      scopes: ['identity:verify', 'feed:read'],
    });
    const clientToken = await api.clientToken(String(sectoral.clientId), String(sectoral.clientSecret));
    const claims = nins.map((nin) => JSON.stringify({ nin, givenName: 'فاطمة', dateOfBirth: '1990-01-10' }));
    const identity = await loadPost(`http://127.0.0.1:${servicePort}/v1/identity/verification`, claims, {
      authorization: `Bearer ${clientToken}`,
    });
    // A batch asks about each NIN once.
    const batch = nins.slice(0, MAX_BATCH).map((nin) => ({ nin, givenName: 'فاطمة' }));
    start = performance.now();
    for (let i = 0; i < 5; i++) await api.post('/v1/identity/verification:batch', clientToken, { items: batch }, 200);
    const batchItemsPerSecond = (5 * batch.length) / ((performance.now() - start) / 1000);

    console.log(`reading the feed for ${READ_SECONDS} s, as a follower polls (the newest 20 entries)…`);
    const firstPage = await api.getWith('/v1/feed?after=0&limit=1000', clientToken);
    const events = (firstPage.events as unknown[]).length;
    const head = Number(firstPage.next);
    const feed = await load(
      `http://127.0.0.1:${servicePort}`,
      '/v1/feed?limit=100&after=',
      [String(Math.max(0, head - 20))],
      {
        authorization: `Bearer ${clientToken}`,
      },
    );
    start = performance.now();
    await api.getWith('/v1/feed?after=0&limit=1000', clientToken);
    const wholeFeedMs = performance.now() - start;

    console.log('delivering every registered event to a loopback webhook receiver…');
    const webhooks = await deliveriesPerSecond(api, admin, String(sectoral.clientId), events);

    console.log(`reading persons by NIN for ${READ_SECONDS} s each (${nins.length} persons in the database)…`);
    const bare = await load(`http://127.0.0.1:${baselinePort}`, '/persons/', nins, {});
    const verified = await load(`http://127.0.0.1:${baselinePort}`, '/verified/persons/', nins, {
      authorization: `Bearer ${officer}`,
    });
    const full = await load(`http://127.0.0.1:${servicePort}`, '/v1/persons/', nins, {
      authorization: `Bearer ${officer}`,
    });

    console.log(`reading the vital statistics for ${READ_SECONDS} s each…`);
    const statistics = await load(
      `http://127.0.0.1:${servicePort}`,
      '/v1/statistics/vital?from=2026-01&to=2026-12&by=',
      ['governorate'],
      {},
    );
    const statisticsByMonth = await load(
      `http://127.0.0.1:${servicePort}`,
      '/v1/statistics/vital?from=2026-01&to=2026-12&by=',
      ['month'],
      {},
    );

    console.log(`reading the office's work queues and a queue's first page for ${READ_SECONDS} s each…`);
    const asRegistrar = { authorization: `Bearer ${registrar}` };
    const workQueues = await load(`http://127.0.0.1:${servicePort}`, '/v1/workqueues', [''], asRegistrar);
    const queuePage = await load(
      `http://127.0.0.1:${servicePort}`,
      '/v1/records?limit=20&queue=',
      ['to-print'],
      asRegistrar,
    );

    console.log(`signing in for ${READ_SECONDS} s…`);
    const logins = await autocannon({
      url: `http://127.0.0.1:${servicePort}/v1/auth/login`,
      method: 'POST',
      connections: 4,
      duration: READ_SECONDS,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: users.officer, password: ADMIN.password }),
    });
    if (logins.non2xx > 0) throw new Error(`${logins.non2xx} logins failed`);
    const tokenVerifications = verifyRate(officer);

    const rows: [string, string][] = [
      ['births declared and registered per second', birthsPerSecond.toFixed(1)],
      ['marriages declared and registered per second', marriagesPerSecond.toFixed(1)],
      ['deaths declared and registered per second', deathsPerSecond.toFixed(1)],
      [
        'GET /v1/statistics/vital, a year by governorate',
        `${statistics.rps.toFixed(0)} per second (p50 ${statistics.p50} ms, p99 ${statistics.p99} ms)`,
      ],
      [
        'GET /v1/statistics/vital, a year by month',
        `${statisticsByMonth.rps.toFixed(0)} per second (p50 ${statisticsByMonth.p50} ms, p99 ${statisticsByMonth.p99} ms)`,
      ],
      [
        'GET /v1/workqueues (the counts)',
        `${workQueues.rps.toFixed(0)} per second (p50 ${workQueues.p50} ms, p99 ${workQueues.p99} ms)`,
      ],
      [
        'GET /v1/records?queue=to-print, 20 a page',
        `${queuePage.rps.toFixed(0)} per second (p50 ${queuePage.p50} ms, p99 ${queuePage.p99} ms)`,
      ],
      ['GET /v1/persons/{nin} requests per second', `${full.rps.toFixed(0)} (p50 ${full.p50} ms, p99 ${full.p99} ms)`],
      ['bare baseline findOne requests per second', `${bare.rps.toFixed(0)} (p50 ${bare.p50} ms, p99 ${bare.p99} ms)`],
      ['ratio of full read to baseline', (full.rps / bare.rps).toFixed(2)],
      [
        'baseline + ES256 token verification only',
        `${verified.rps.toFixed(0)} (ratio ${(verified.rps / bare.rps).toFixed(2)})`,
      ],
      [
        'ES256 verifications per second, one core',
        `${tokenVerifications.toFixed(0)} (${(1e6 / tokenVerifications).toFixed(0)} µs each)`,
      ],
      ['certificates issued per second (token)', issuedPerSecond.toFixed(1)],
      ['certificate PDFs per second (2 clients)', `${pdfsPerSecond.toFixed(1)} (median ${pdfMedian.toFixed(0)} ms)`],
      [
        'POST /v1/identity/verification',
        `${identity.rps.toFixed(0)} per second (p50 ${identity.p50} ms, p99 ${identity.p99} ms)`,
      ],
      [`identity verification batches of ${MAX_BATCH}`, `${batchItemsPerSecond.toFixed(0)} items per second`],
      [
        'GET /v1/feed, a poll of the newest 20 entries',
        `${feed.rps.toFixed(0)} per second (p50 ${feed.p50} ms, p99 ${feed.p99} ms)`,
      ],
      [
        'GET /v1/feed from the start, one reader',
        `${wholeFeedMs.toFixed(0)} ms for ${events} events (${head} journal entries)`,
      ],
      [
        'webhook deliveries per second (loopback)',
        `${webhooks.toFixed(0)} (one subscription, in order, one at a time)`,
      ],
      [
        'POST /v1/certificates/verification',
        `${verifications.rps.toFixed(0)} per second (p50 ${verifications.p50} ms, p99 ${verifications.p99} ms)`,
      ],
      [
        'logins per second (4 connections)',
        `${logins.requests.average.toFixed(1)} (argon2id m=${ARGON2_OPTIONS.memoryCost} KiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism})`,
      ],
    ];
    console.log('');
    for (const [k, v] of rows) console.log(`${k.padEnd(48)} ${v}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await engine.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** ES256 verifications per second in this process, with the service's own verifier. */
function verifyRate(token: string): number {
  const key = readFileSync(path.join(process.env.BENCH_DATA_DIR as string, 'keys', 'access-token.pem'), 'utf8');
  const publicKey = createPublicKey(key);
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 2000) {
    jwt.verify(token, publicKey, { algorithms: ['ES256'] });
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}

async function load(base: string, prefix: string, nins: string[], headers: Record<string, string>) {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: 10,
      duration,
      headers,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: prefix + nins[i++ % nins.length] }) }],
    });
  await run(1); // warm-up: connections, caches and JIT, not counted
  const result = await run(READ_SECONDS);
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx from ${base}${prefix}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Replays the feed's first `events` events to a receiver in this process; deliveries per second. */
async function deliveriesPerSecond(
  api: ReturnType<typeof client>,
  admin: string,
  clientId: string,
  events: number,
): Promise<number> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.statusCode = 204;
      res.end();
    });
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const types = [...FEED_TYPES];
    const sub = await api.post('/v1/subscriptions', admin, { url, events: types, clientId });
    const started = performance.now();
    await api.post(`/v1/subscriptions/${String(sub.id)}/replay`, admin, { fromSeq: 1 }, 204);
    while (received < events) await new Promise((r) => setTimeout(r, 20));
    return received / ((performance.now() - started) / 1000);
  } finally {
    server.close();
  }
}

/** POSTs these bodies in turn for READ_SECONDS (after a second of warm-up), 10 connections. */
async function loadPost(url: string, bodies: string[], headers: Record<string, string> = {}) {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: 10,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
        },
      ],
    });
  await run(1);
  const result = await run(READ_SECONDS);
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx from ${url}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
