import { loadConfig } from '../../src/config';
import { resolveEngine, type Engine } from '../../src/db/engine';
import { ensureSystemTools } from './system-tools';

/**
 * A throwaway engine as the configuration resolves it (MONGODB_URI, else an embedded one), with the
 * system tools the certificate pictures need: jest's globalSetup and `npm run docs:pictures` both
 * start theirs here, so the pictures in docs/ come from the same service the tests check.
 */
export async function startThrowawayEngine(log: (m: string) => void): Promise<Engine> {
  ensureSystemTools((m) => log(`[tools] ${m}`));
  const config = loadConfig();
  return resolveEngine({
    mongodbUri: config.MONGODB_URI,
    engine: config.DB_ENGINE,
    cacheDir: config.ENGINE_CACHE_DIR,
    log: (m) => log(`[engine] ${m}`),
  });
}
