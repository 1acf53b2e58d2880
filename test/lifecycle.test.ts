import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/http/logging';
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
    try {
      expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
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
      if (service.engine.name !== 'external') expect(await portOpen(new URL(service.engine.uri).port)).toBe(false);
    } finally {
      await service.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a wrong setting, naming it', () => {
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/);
  });
});
