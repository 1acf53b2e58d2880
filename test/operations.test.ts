import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { isAlive, SupervisedProcess } from '../src/db/supervisor';
import { freePort } from '../src/db/ports';
import { answerClientErrors } from '../src/lifecycle';
import { auth, request, startHarness, type Harness } from './support/harness';
import { enrolParents } from './support/fixtures';

const METRICS_TOKEN = 'a-metrics-token-for-the-test-only';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ METRICS_TOKEN });
});
afterAll(() => h.close());

describe('operators can see it', () => {
  it('serves Prometheus metrics to loopback callers and holders of the token, with no personal data', async () => {
    const registrar = await h.token('registrar');
    const { mother } = await enrolParents(h.app, registrar);
    await request(h.app).get(`/v1/persons/${mother.nin}`).set(auth(registrar)).expect(200);
    await request(h.app)
      .post('/v1/auth/login')
      .send({ username: 'nobody.here', password: 'not the password' })
      .expect(401);
    const res = await request(h.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'journal_head_seq',
      'projection_lag_entries',
      'engine_up 1',
      'engine_restarts',
      'idempotency_keys_pending',
      'login_failures_total 1',
      'login_locks_total',
    ]) {
      expect(res.text).toContain(name);
    }
    expect(res.text).toContain('route="/v1/persons/:nin"');
    expect(res.text).not.toContain(mother.nin);
    const lag = Number(/projection_lag_entries (\d+)/.exec(res.text)?.[1]);
    expect(lag).toBe(0);
    // From elsewhere (a caller forwarded by a proxy on loopback): only with the token.
    expect((await request(h.app).get('/metrics').set('X-Forwarded-For', '203.0.113.5')).status).toBe(403);
    expect(
      (await request(h.app).get('/metrics').set('X-Forwarded-For', '203.0.113.5').set(auth(METRICS_TOKEN))).status,
    ).toBe(200);
  });

  it('answers 503 with Retry-After at once while the engine is down, and is not ready; live stays up', async () => {
    const officer = await h.token('officer');
    h.services.engineHealth = { up: false, restarts: 1 };
    try {
      const res = await request(h.app).get('/v1/offices').set(auth(officer));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await request(h.app).get('/health/ready')).status).toBe(503);
      expect((await request(h.app).get('/health/live')).status).toBe(200);
      expect((await request(h.app).get('/metrics')).text).toContain('engine_up 0');
    } finally {
      delete h.services.engineHealth;
    }
    expect((await request(h.app).get('/v1/offices').set(auth(officer))).status).toBe(200);
  });

  it('answers a 70 kB URL with a problem+json 431', async () => {
    const server = http.createServer(h.app);
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () =>
          socket.write(`GET /v1/persons?q=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
        );
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
        status: 431,
        title: 'Request Header Fields Too Large',
      });
    } finally {
      server.close();
    }
  });

  it('refuses a malformed access-log cursor with 400, like every other list', async () => {
    const citizen = await h.citizen();
    const res = await request(h.app)
      .get('/v1/me/access-log')
      .query({ cursor: 'bm90LWEtY3Vyc29y' })
      .set(auth(citizen.token));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('query.cursor');
  });
});

describe('the engine supervisor', () => {
  it('restarts an engine that died, on the same port, and reports it down meanwhile', async () => {
    const port = await freePort();
    const engine = `require('net').createServer((s) => s.end()).listen(${port}, '127.0.0.1')`;
    const pidFile = path.join(os.tmpdir(), `supervisor-test-${port}.pid`);
    const logged: string[] = [];
    const supervised = new SupervisedProcess(process.execPath, ['-e', engine], port, pidFile, (m) => logged.push(m));
    await supervised.start();
    try {
      expect(supervised.health).toEqual({ up: true, restarts: 0 });
      const pid = Number(readFileSync(pidFile, 'utf8'));
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && supervised.health.up; i++) await new Promise((r) => setTimeout(r, 20));
      expect(supervised.health.up).toBe(false);
      for (let i = 0; i < 100 && !supervised.health.up; i++) await new Promise((r) => setTimeout(r, 50));
      expect(supervised.health).toEqual({ up: true, restarts: 1 });
      expect(logged.join('\n')).toContain('restarting in 500 ms');
    } finally {
      await supervised.stop();
    }
  });

  // An engine that takes a while to shut down (FerretDB closing its SQLite files), and one that
  // does not stop on SIGTERM at all: stop() resolves only once the engine's process is gone.
  it.each([
    ['one that takes 300 ms to shut down', 'setTimeout(() => process.exit(0), 300)'],
    ['one that ignores SIGTERM (killed after 5 s)', 'undefined'],
  ])(
    'stops an engine, %s, before it resolves',
    async (_, onTerm) => {
      const port = await freePort();
      const engine = `process.on('SIGTERM', () => ${onTerm}); require('net').createServer((s) => s.end()).listen(${port}, '127.0.0.1')`;
      const pidFile = path.join(os.tmpdir(), `supervisor-test-${port}.pid`);
      const supervised = new SupervisedProcess(process.execPath, ['-e', engine], port, pidFile, () => undefined);
      await supervised.start();
      const pid = Number(readFileSync(pidFile, 'utf8'));
      expect(isAlive(pid)).toBe(true);
      await supervised.stop();
      expect(isAlive(pid)).toBe(false);
    },
    15_000,
  );
});
