import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports';
import { SupervisedProcess } from './supervisor';
import type { Engine, EngineLog } from './engine-types';

const run = promisify(execFile);

export const FERRETDB_VERSION = '1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

const PATCH_NAME = `ferretdb-${FERRETDB_VERSION}.patch`;

/** Our patch (src/db/patches): found beside this file in src/, or from dist/src/db back in src/. */
export function ferretDbPatchPath(): string {
  const candidates = [
    path.join(__dirname, 'patches', PATCH_NAME),
    path.resolve(__dirname, '../../../src/db/patches', PATCH_NAME),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`the FerretDB patch ${PATCH_NAME} is missing from src/db/patches`);
  return found;
}

/** The cached binary, keyed by version and by the patch's hash: a changed patch builds anew. */
export function ferretDbBinaryPath(cacheDir: string): string {
  const patchHash = createHash('sha256').update(readFileSync(ferretDbPatchPath())).digest('hex').slice(0, 12);
  return path.join(cacheDir, `ferretdb-${FERRETDB_VERSION}-${patchHash}`, 'ferretdb');
}

/**
 * Builds FerretDB once into the cache with the Go toolchain and module proxy, with our patch
 * (src/db/patches/ferretdb-1.24.2.patch: indexes used on SQLite, single-document writes atomic).
 * `go install …@v1.24.2` alone yields a binary that panics at start: the published module lacks
 * the generated build/version/version.txt. So we take the same module from the proxy
 * (`go mod download`), apply the patch, add that one file with the version, and `go build` its
 * cmd/ferretdb.
 */
export async function ensureFerretDb(cacheDir: string, log: EngineLog): Promise<string> {
  const binary = ferretDbBinaryPath(cacheDir);
  if (existsSync(binary)) return binary;
  try {
    await run('go', ['version']);
  } catch {
    throw new Error(
      'No database engine: MONGODB_URI is unset, MongoDB could not be downloaded, and Go is not installed to build ' +
        `FerretDB ${FERRETDB_VERSION}. Install Go 1.21+ (https://go.dev/dl), or set MONGODB_URI to a MongoDB 5+ server.`,
    );
  }
  log(`building FerretDB ${FERRETDB_VERSION} into ${path.dirname(binary)} (once; takes a minute or two)`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'ferretdb-build-'));
  try {
    const { stdout } = await run('go', ['mod', 'download', '-json', `${MODULE}@v${FERRETDB_VERSION}`], {
      cwd: work,
      env: { ...process.env, GO111MODULE: 'on' },
      maxBuffer: 1 << 20,
    });
    const source = (JSON.parse(stdout) as { Dir: string }).Dir;
    const tree = path.join(work, 'src');
    await cp(source, tree, { recursive: true });
    await chmod(tree, 0o755);
    await run('chmod', ['-R', 'u+w', tree]);
    await applyPatch(tree, ferretDbPatchPath());
    await writeFile(path.join(tree, 'build', 'version', 'version.txt'), `v${FERRETDB_VERSION}\n`);
    await mkdir(path.dirname(binary), { recursive: true });
    const partial = `${binary}.${process.pid}.tmp`;
    await run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: tree,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      maxBuffer: 16 << 20,
    });
    await rename(partial, binary); // atomic: parallel first runs never see half a binary
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return binary;
}

/** Applies a unified diff to a source tree: `git apply`, or `patch` where git is missing. */
async function applyPatch(tree: string, patch: string): Promise<void> {
  try {
    await run('git', ['apply', '--whitespace=nowarn', patch], { cwd: tree });
  } catch (gitError) {
    try {
      await run('patch', ['-p1', '--forward', '--batch', '-i', patch], { cwd: tree });
    } catch {
      throw new Error(`could not apply ${path.basename(patch)} to FerretDB's source: ${(gitError as Error).message}`);
    }
  }
}

/**
 * SQLite settings of each of FerretDB's connections (besides its own: WAL, busy timeout). Measured
 * on an import of 200,000 people (bench/scale.ts), where a profile of FerretDB showed half its time
 * in system calls: the statement journal of each multi-row INSERT written to a temporary file
 * (`temp_store`: in memory instead), pages read back one `pread` at a time through a 2 MB cache
 * (`mmap_size`: read from the operating system's cache shared by all connections), and the WAL
 * copied back into the database every 1,000 pages (`wal_autocheckpoint`: every 40,000, so a page
 * written by many commits is copied once). At 1,000,000 people a profile then showed pages of the
 * indexes evicted from the 2 MB page cache while a batch was being written (`cache_size`: 128 MB
 * a connection) and checkpoints again; with both, the import of 200,000 took 111 and 115 s against
 * 122 s with a checkpoint every 10,000 pages and the default cache (one machine, back to back).
 * `synchronous` stays FULL: a commit is on disk when answered.
 */
const SQLITE_PRAGMAS = [
  'temp_store(memory)',
  'mmap_size(8589934592)',
  'wal_autocheckpoint(40000)',
  'cache_size(-131072)',
]
  .map((p) => `_pragma=${encodeURIComponent(p)}`)
  .join('&');

/** Starts FerretDB on SQLite in `dataDir`, on a free loopback port. */
export async function startFerretDb(cacheDir: string, dataDir: string, log: EngineLog): Promise<Engine> {
  const binary = await ensureFerretDb(cacheDir, log);
  await mkdir(dataDir, { recursive: true });
  const port = await freePort();
  const engine = new SupervisedProcess(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/?${SQLITE_PRAGMAS}`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
      // Inserts go to SQLite in transactions of this many documents (100 by default): an import's
      // batch of 1,000 people is one transaction per collection, not ten (measured: 20% faster).
      '--test-batch-size=1000',
    ],
    port,
    path.join(dataDir, 'ferretdb.pid'),
    log,
    // Go's collector runs when the heap has grown by GOGC percent: at the default 100 it took a
    // fifth of the engine's time answering reads (a profile of 20-person reads); at 400 it runs a
    // quarter as often, for a heap of some tens of MB (20-person reads: 3.04 -> 2.60 ms).
    { GOGC: process.env.GOGC ?? '400' },
  );
  await engine.start();
  return {
    name: 'ferretdb',
    version: `${FERRETDB_VERSION} (sqlite)`,
    uri: `mongodb://127.0.0.1:${port}/`,
    health: engine.health,
    stop: () => engine.stop(),
  };
}
