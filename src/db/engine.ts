import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Engine, EngineLog } from './engine-types';
import { startFerretDb } from './ferretdb';
import { startMemoryMongo } from './memory-mongo';

export type { Engine } from './engine-types';

export interface EngineOptions {
  mongodbUri?: string;
  engine: 'auto' | 'mongodb-memory-server' | 'ferretdb';
  cacheDir: string;
  /** Persistent data folder; undefined for a throwaway engine (tests). */
  dataDir?: string;
  log: EngineLog;
}

/**
 * The one place that decides which database the service uses:
 * MONGODB_URI, else a real mongod via mongodb-memory-server, else FerretDB on SQLite.
 */
export async function resolveEngine(opts: EngineOptions): Promise<Engine> {
  if (opts.mongodbUri) {
    return { name: 'external', version: 'unknown', uri: opts.mongodbUri, async stop() {} };
  }
  if (opts.engine !== 'ferretdb') {
    const mongo = await startMemoryMongo(opts.cacheDir, opts.dataDir && path.join(opts.dataDir, 'mongodb'));
    if (mongo) return mongo;
    if (opts.engine === 'mongodb-memory-server') {
      throw new Error(
        'DB_ENGINE=mongodb-memory-server but mongod could not be downloaded or started; unset DB_ENGINE to fall back to FerretDB, or set MONGODB_URI',
      );
    }
    opts.log('MongoDB cannot be downloaded here; falling back to FerretDB');
  }
  const dataDir = opts.dataDir ? path.join(opts.dataDir, 'ferretdb') : await throwawayDir();
  const engine = await startFerretDb(opts.cacheDir, dataDir, opts.log);
  if (opts.dataDir) return engine;
  return {
    ...engine,
    async stop() {
      await engine.stop();
      await removeDir(dataDir);
    },
  };
}

function throwawayDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'registry-ferretdb-'));
}

function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
