import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Config } from '../config';
import { connect } from './connection';
import { resolveEngine, type Engine } from './engine';
import { waitForPort } from './ports';
import { isAlive } from './supervisor';

const engineFile = (config: Config) => path.join(config.DATA_DIR, 'engine.json');

/** Tells tools (seed, journal:verify, projections:rebuild) where the running service's engine is. */
export async function publishEngine(config: Config, engine: Engine): Promise<void> {
  if (engine.name !== 'external')
    await writeFile(engineFile(config), JSON.stringify({ uri: engine.uri, pid: process.pid }));
}

export async function unpublishEngine(config: Config): Promise<void> {
  await rm(engineFile(config), { force: true });
}

/**
 * The database for a command-line tool: MONGODB_URI; else the engine of a service running on the
 * same data folder; else the embedded engine started for the tool alone.
 */
export async function openDatabase(
  config: Config,
  log: (m: string) => void,
): Promise<{ conn: Connection; close(): Promise<void> }> {
  let engine: Engine | undefined;
  let uri = config.MONGODB_URI;
  if (!uri && existsSync(engineFile(config))) {
    const running = JSON.parse(readFileSync(engineFile(config), 'utf8')) as { uri: string; pid: number };
    const port = Number(new URL(running.uri).port);
    if (
      isAlive(running.pid) &&
      (await waitForPort(port, 1000).then(
        () => true,
        () => false,
      ))
    ) {
      log(`using the engine of the running service (pid ${running.pid})`);
      uri = running.uri;
    }
  }
  if (!uri) {
    engine = await resolveEngine({
      mongodbUri: undefined,
      engine: config.DB_ENGINE,
      cacheDir: config.ENGINE_CACHE_DIR,
      dataDir: config.DATA_DIR,
      log,
    });
    uri = engine.uri;
  }
  const conn = await connect(uri, config.MONGODB_DB);
  return {
    conn,
    async close() {
      await conn.close();
      await engine?.stop();
    },
  };
}
