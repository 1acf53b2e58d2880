import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../src/db/ports';

/** Forks the bare baseline server (baseline-server.ts) on a free port; resolves once it listens. */
export async function forkBaseline(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = fork(path.join(__dirname, 'baseline-server.js'), [], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  return { child, port };
}
