import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from '../src/db/ports';
import { connect } from '../src/db/connection';
import { NO_DEADLINES } from './support/harness';

/**
 * The README's walk through the API, run as a new user would: its own ```sh block (the one whose
 * first line is `# walk-through`, then every `# walk-through, continued` block), with bash and
 * curl, against the real service on a freshly seeded registry. So the README cannot drift from
 * what the service answers.
 */
const ROOT = path.join(__dirname, '..');
const REGISTER = path.join(__dirname, 'support', 'ts-register.cjs');

/** The walk-through's shell blocks of the README, in order, as one script. */
function walkScript(readme: string): string {
  const blocks = [...readme.matchAll(/^```sh\n(# walk-through(?:, continued)?\n[\s\S]*?)^```$/gm)].map((m) => m[1]);
  if (!blocks[0]?.startsWith('# walk-through\n'))
    throw new Error('README.md has no ```sh block starting with "# walk-through"');
  return blocks.join('\n');
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dataDir: string;
let port: number;
let env: NodeJS.ProcessEnv;
let service: ChildProcess | undefined;
const dbName = `walk_${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is unset: run the tests through jest (globalSetup starts the engine)');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'walkthrough-'));
  port = await freePort();
  // The README's two commands, `npm run seed` then `npm start`, on a fresh database and DATA_DIR
  // (a smaller seed, to be quick: the walk needs only the seed's accounts).
  env = {
    ...process.env,
    // The README's events have fixed dates: no deadline passes as the calendar moves (support/harness.ts).
    ...NO_DEADLINES,
    MONGODB_URI: uri,
    MONGODB_DB: dbName,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_COUPLES: '10',
    SEED_BIRTHS: '10',
    SEED_ELDERS: '4',
  };
  // The seed runs under the law's own deadlines, as `npm run seed` does (its delayed birth is delayed then).
  const seedEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !(k in NO_DEADLINES)));
  const seeded = await run(process.execPath, ['-r', REGISTER, path.join(ROOT, 'seed', 'seed.ts')], seedEnv, ROOT);
  if (seeded.code !== 0) throw new Error(`the seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
  service = spawn(process.execPath, ['-r', REGISTER, path.join(ROOT, 'src', 'server.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port, 60_000);
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not become ready');
}, 180_000);

afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = new Promise((r) => service?.once('exit', r));
    service.kill('SIGTERM');
    await exited;
  }
  if (process.env.TEST_MONGODB_URI) {
    const conn = await connect(process.env.TEST_MONGODB_URI, dbName);
    await conn.dropDatabase();
    await conn.close();
  }
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function runWalk(script: string): Promise<Run> {
  const file = path.join(dataDir, `walk-${randomBytes(3).toString('hex')}.sh`);
  await writeFile(file, script);
  return run('bash', [file], { ...process.env, API: `http://127.0.0.1:${port}` }, dataDir);
}

const readme = () => readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('the seed', () => {
  it("leaves something in every work queue of Baghdad's office: two possible duplicates, a delayed birth", async () => {
    const api = `http://127.0.0.1:${port}`;
    const login = await fetch(`${api}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'registrar', password: 'Tigris at dawn 2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const get = async (route: string) =>
      (await fetch(`${api}${route}`, { headers: { authorization: `Bearer ${accessToken}` } })).json() as Promise<
        Record<string, unknown>
      >;
    const { office, queues } = (await get('/v1/workqueues')) as {
      office: string;
      queues: { id: string; count: number }[];
    };
    expect(office).toBe('BGD');
    const counts = Object.fromEntries(queues.map((q) => [q.id, q.count]));
    for (const queue of [
      'to-register',
      'possible-duplicates',
      'incomplete',
      'evidence-required',
      'rejected',
      'to-print',
    ])
      expect([queue, counts[queue]]).toEqual([queue, expect.any(Number)]);
    expect(Math.min(...Object.values(counts))).toBeGreaterThanOrEqual(1);
    expect(counts['possible-duplicates']).toBeGreaterThanOrEqual(2);
    const evidence = (await get('/v1/records?queue=evidence-required')) as { items: { flags: string[] }[] };
    expect(evidence.items.some((r) => r.flags.includes('delayed'))).toBe(true);
  });
});

describe("the README's walk through the API", () => {
  it('runs start to end on a freshly seeded registry and prints every status change', async () => {
    const walk = await runWalk(walkScript(readme()));
    expect({ code: walk.code, stderr: walk.stderr }).toEqual({ code: 0, stderr: '' });
    const out = walk.stdout;
    const lines = out.split('\n');
    // Each registration prints the number it got (not a promised one) and the people's statuses after it.
    for (const kind of ['marriage', 'birth', 'divorce', 'death'])
      expect(out).toMatch(new RegExp(`^${kind} registered: BGD-\\d{4}-[MBDX]-\\d{6}`, 'm'));
    const after = (marker: RegExp, count: number) => {
      const at = lines.findIndex((l) => marker.test(l));
      expect(at).toBeGreaterThanOrEqual(0);
      return lines.slice(at + 1, at + 1 + count).map((l) => l.replace(/^ {2}\S+ \d{12}: /, ''));
    };
    expect(after(/^enrolled:/, 2)).toEqual(['alive, single', 'alive, single']);
    expect(after(/^marriage registered/, 2)).toEqual(['alive, married', 'alive, married']);
    expect(after(/^birth registered/, 1)).toEqual(['alive, single']);
    expect(after(/^divorce registered/, 2)).toEqual(['alive, divorced', 'alive, divorced']);
    expect(after(/^death registered/, 3)).toEqual([
      'deceased, married, died 2026-05-02',
      'alive, widowed',
      'alive, divorced',
    ]);
    // The refusals it shows are the ones it says, and the correction renamed the child.
    expect(out).toMatch(/replayed: true/);
    expect(out).toMatch(/^Basra's registrar: other-office$/m);
    expect(out).toMatch(/^without If-Match: if-match-required$/m);
    expect(out).toMatch(/^corrected: version 3\n {2}مريم \d{12}: alive, single$/m);
    expect(out).toMatch(/^the same ETag again: stale-version$/m);
    expect(out).toMatch(/^birth\.declared, birth\.registered, document\.attached, record\.corrected$/m);
    // The walk's own year: one event of each kind, under 5, so withheld; the seed has none in 2026.
    expect(out).toMatch(
      /^2026-01 to 2026-12: Iraq births null, deaths null, marriages null, divorces null, births attended by a physician null;/m,
    );
    expect(out).toMatch(/^2025-01 to 2025-12: Iraq births /m);
    // The sectoral client's part (a later README block in the same shell) has what it uses.
    expect(out).toMatch(/"match":true.*"alive":true/);
  }, 120_000);

  it('stops at the first unexpected answer and says why', async () => {
    const script = walkScript(readme()).replace(
      "login officer 'Hanging gardens 2026'",
      "login officer 'not the password'",
    );
    const walk = await runWalk(script);
    expect(walk.code).not.toBe(0);
    expect(walk.stderr).toContain('POST /v1/auth/login: 401, expected 200: Wrong username or password');
    expect(walk.stdout).toBe('');
  }, 60_000);
});
