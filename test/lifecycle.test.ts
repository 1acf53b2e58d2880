import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/http/logging';
import { freePort, waitForPort } from '../src/db/ports';
import { isAlive } from '../src/db/supervisor';
import { startService } from '../src/lifecycle';

const portOpen = (port: string) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
const refused = (url: string) =>
  fetch(`${url}/health/live`).then(
    () => false,
    () => true,
  );

describe('service lifecycle', () => {
  it('starts on its own engine, then stops: requests in flight finish, the port and the engine close', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'registry-lifecycle-'));
    // The engine the service resolves for itself (no MONGODB_URI): the same path `npm start` takes.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      BOOTSTRAP_ADMIN_USERNAME: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: 'Qanat water clock 1258',
    };
    if (process.env.TEST_ENGINE !== 'external') delete env.MONGODB_URI;
    else env.MONGODB_URI = process.env.TEST_MONGODB_URI;
    const service = await startService(loadConfig(env), createLogger('silent'));
    // The embedded FerretDB's process, from the pid file its supervisor writes: that it ends is
    // what the stop promises (its port, once freed, may be taken at once by another suite's engine).
    const enginePid =
      service.engine.name === 'ferretdb'
        ? Number(await readFile(path.join(dataDir, 'ferretdb', 'ferretdb.pid'), 'utf8'))
        : undefined;
    try {
      expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
      // PORT=0 picked a port: links in certificates name that one, not a default nobody serves.
      expect(service.services.config.PUBLIC_BASE_URL).toBe(service.url.replace('127.0.0.1', 'localhost'));
      // A login takes a while (argon2); it is in flight when the stop begins and must still be answered.
      const received = new Promise((resolve) => service.server.once('request', resolve));
      const login = fetch(`${service.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Qanat water clock 1258' }),
      });
      await received;
      const stopping = service.stop();
      expect((await login).status).toBe(200);
      await stopping;
      expect(await refused(service.url)).toBe(true);
      if (enginePid !== undefined) expect(isAlive(enginePid)).toBe(false);
      else if (service.engine.name !== 'external') expect(await portOpen(new URL(service.engine.uri).port)).toBe(false);
    } finally {
      await service.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("stops on a SIGTERM to its process group without taking the engine's exit for a crash; warns of a defaulted PUBLIC_BASE_URL", async () => {
    if (process.env.TEST_ENGINE === 'external') return; // no engine of its own to supervise
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'registry-sigterm-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DB_ENGINE: 'ferretdb',
    };
    delete env.MONGODB_URI;
    delete env.NODE_ENV;
    delete env.PUBLIC_BASE_URL;
    // Its own process group, as `npm start` in a terminal or a systemd unit has.
    const child = spawn(
      process.execPath,
      ['-r', path.join(__dirname, 'support', 'ts-register.cjs'), path.join(__dirname, '..', 'src', 'server.ts')],
      {
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitForPort(port, 60_000);
      for (let i = 0; i < 100 && !out.includes('"listening"'); i++) await new Promise((r) => setTimeout(r, 100));
      process.kill(-child.pid!, 'SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain(
        `PUBLIC_BASE_URL is not set: certificates, QR codes and verification links name http://localhost:${port}`,
      );
      expect(out).toContain('"stopped"');
      expect(out).not.toMatch(/engine died|restarting/);
    } finally {
      // The group may be gone already, its exit not yet seen by this process (ESRCH): nothing to kill then.
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch (err) {
          expect((err as NodeJS.ErrnoException).code).toBe('ESRCH');
        }
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('defaults PUBLIC_BASE_URL from PORT', () => {
    expect(loadConfig({ PORT: '4400' }).PUBLIC_BASE_URL).toBe('http://localhost:4400');
    expect(loadConfig({ PORT: '4400', PUBLIC_BASE_URL: 'https://registry.gov.iq' }).PUBLIC_BASE_URL).toBe(
      'https://registry.gov.iq',
    );
  });

  it('refuses to start with a wrong setting, naming it', () => {
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/);
  });
});
