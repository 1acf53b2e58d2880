import { spawn, type ChildProcess } from 'node:child_process';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { freePort, waitForPort } from '../../src/db/ports';

const ROOT = path.join(__dirname, '..', '..');

/** Service processes on one database, and a request handler that sends each request to one of them at random. */
export interface Instances {
  urls: string[];
  /** For supertest: forwards a request to a random instance and its answer back. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  stop(): Promise<void>;
}

/** How many service processes a harness starts (TEST_INSTANCES; 1: the service runs in the test's own process). */
export const instanceCount = (env: Record<string, string | undefined> = {}): number =>
  Math.max(1, Number(env.TEST_INSTANCES ?? process.env.TEST_INSTANCES ?? '1') || 1);

/**
 * Starts `n` service processes from the TypeScript sources (as the crash test does), each with the
 * environment given (the same database, data folder and keys), and waits until each is ready.
 */
export async function startInstances(n: number, env: Record<string, string>): Promise<Instances> {
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  try {
    await Promise.all(
      Array.from({ length: n }, async () => {
        const port = await freePort();
        const child = spawn(
          process.execPath,
          ['-r', path.join(ROOT, 'test', 'support', 'ts-register.cjs'), path.join(ROOT, 'src', 'server.ts')],
          { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'inherit' },
        );
        children.push(child);
        await Promise.race([
          waitForPort(port, 120_000),
          new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`an instance exited (${code})`)))),
        ]);
        urls.push(`http://127.0.0.1:${port}`);
      }),
    );
  } catch (err) {
    await stopAll(children);
    throw err;
  }
  const agent = new http.Agent({ keepAlive: true });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const target = urls[Math.floor(Math.random() * urls.length)]!;
    const upstream = http.request(
      `${target}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  };
  return {
    urls,
    handler,
    async stop() {
      agent.destroy();
      await stopAll(children);
    },
  };
}

/** SIGTERM, as an orchestrator stops a service: each finishes its requests and closes its connections. */
async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}
