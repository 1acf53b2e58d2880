import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { waitForPort } from './ports';
import type { EngineHealth, EngineLog } from './engine-types';

/**
 * Runs a database engine as a child process and keeps it running: when it dies it is restarted
 * on the same port and data (back-off 0.5 s, doubling up to 10 s), and `health` says whether it
 * is up meanwhile. The child exits with its parent even after a SIGKILL of the parent: a small
 * shell watchdog reads the parent's end of a pipe and stops the engine when that pipe closes.
 * Its pid is written to `pidFile`, so a start after a crash stops an engine left behind.
 */
export class SupervisedProcess {
  readonly health: EngineHealth = { up: false, restarts: 0 };
  private child: ChildProcess | undefined;
  private stopping = false;
  private backoffMs = 500;
  private stderr = '';

  constructor(
    private readonly binary: string,
    private readonly args: string[],
    private readonly port: number,
    private readonly pidFile: string,
    private readonly log: EngineLog,
    /** Variables of the engine's environment, besides this process's. */
    private readonly env: Record<string, string> = {},
  ) {}

  /** Starts the engine and resolves once it accepts connections (or rejects if it exits first). */
  async start(): Promise<void> {
    await this.launch();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const enginePid = pidIn(this.pidFile);
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // An engine still running after 5 s is killed with its watchdog and sh: the whole group
      // (sh leads it, `detached`), since a SIGKILL of sh alone would leave the engine behind.
      const timer = setTimeout(() => killGroup(child.pid), 5000);
      await gone;
      clearTimeout(timer);
      // Killed with its group, the engine may end a moment after sh.
      if (enginePid) await untilGone(enginePid, 2000, 20);
    }
    await rm(this.pidFile, { force: true });
  }

  private async launch(): Promise<void> {
    // An engine left running on this data folder (by a crashed service, or orphaned when its
    // watchdog died) would hold the port and the files: stop it first.
    await stopStale(this.pidFile);
    // sh: start the engine, record its pid, stop it when our stdin (a pipe from this process)
    // closes, which happens however this process ends; exit with the engine's status once the
    // engine has ended. (A background list reads /dev/null unless told otherwise: hence the pipe
    // kept on fd 3. A trapped signal ends `wait` at once, while the engine is still shutting
    // down: so sh waits again until the engine is gone, and `stop()` means stopped.)
    const script =
      'exec 3<&0; "$@" </dev/null & pid=$!; echo $pid > "$PIDFILE"; trap \'kill $pid 2>/dev/null\' TERM INT; ' +
      '( while read -r _ <&3; do :; done; kill $pid 2>/dev/null ) & watch=$!; wait $pid; code=$?; ' +
      'while kill -0 $pid 2>/dev/null; do wait $pid; code=$?; done; kill $watch 2>/dev/null; exit $code';
    // A process group of its own: a SIGTERM or Ctrl-C sent to the service's group (systemd, a
    // terminal, `npm start`) reaches the service only, which stops the engine itself; otherwise
    // the engine died first and its exit read as a crash. The pipe still ends it with us.
    const child = spawn('sh', ['-c', script, 'sh', this.binary, ...this.args], {
      detached: true,
      stdio: ['pipe', 'ignore', 'pipe'],
      env: { ...process.env, ...this.env, PIDFILE: this.pidFile },
    });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => {
        this.health.up = false;
        reject(new Error(`the database engine exited (${signal ?? code}): ${this.stderr.trim()}`));
        if (!this.stopping) this.restartLater(code, signal);
      });
    });
    exited.catch(() => undefined);
    await Promise.race([waitForPort(this.port, 20_000), exited]);
    this.health.up = true;
    this.backoffMs = 500;
  }

  private restartLater(code: number | null, signal: NodeJS.Signals | null): void {
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 10_000);
    this.log(`the database engine died (${signal ?? `exit ${code}`}); restarting in ${delay} ms`);
    setTimeout(() => {
      if (this.stopping) return;
      this.health.restarts++;
      this.launch().then(
        () => this.log(`the database engine is back (restart ${this.health.restarts})`),
        (err: Error) => this.log(`restarting the database engine failed: ${err.message}`),
      );
    }, delay).unref();
  }
}

/** The pid a pid file holds, if it holds one. */
function pidIn(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function killGroup(leader: number | undefined): void {
  try {
    if (leader) process.kill(-leader, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Stops an engine a crashed service left running on the same data folder (its pid file says which). */
async function stopStale(pidFile: string): Promise<void> {
  const pid = pidIn(pidFile);
  if (!pid || !isEngine(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  await untilGone(pid, 5000, 100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(pidFile, { force: true });
}

/** Waits, checking every `stepMs`, until the process has ended or `timeoutMs` have passed. */
async function untilGone(pid: number, timeoutMs: number, stepMs: number): Promise<void> {
  for (let waited = 0; waited < timeoutMs && isAlive(pid); waited += stepMs)
    await new Promise((r) => setTimeout(r, stepMs));
}

/** Whether a process is running: a zombie (ended, not yet reaped by whoever inherited it) is not. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()?.[0] !== 'Z';
  } catch {
    return true; // no /proc (not Linux): the signal's answer stands
  }
}

/** Whether that pid is still a database engine (and not a process that reused the number). */
function isEngine(pid: number): boolean {
  try {
    return /ferretdb|mongod/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return isAlive(pid);
  }
}
