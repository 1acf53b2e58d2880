import { loadConfig } from '../../src/config';
import { resolveEngine, type Engine } from '../../src/db/engine';
import { ensureSystemTools } from './system-tools';

declare global {
  var __ENGINE__: Engine | undefined;
}

/** One engine for the whole run (throwaway data); test files share it with a database each. */
export default async function globalSetup(): Promise<void> {
  ensureSystemTools((m) => process.stderr.write(`[tools] ${m}\n`));
  const config = loadConfig();
  const engine = await resolveEngine({
    mongodbUri: config.MONGODB_URI,
    engine: config.DB_ENGINE,
    cacheDir: config.ENGINE_CACHE_DIR,
    log: (m) => process.stderr.write(`[engine] ${m}\n`),
  });
  process.stderr.write(`\n[engine] tests run on ${engine.name} ${engine.version}\n`);
  process.env.TEST_MONGODB_URI = engine.uri;
  process.env.TEST_ENGINE = engine.name;
  globalThis.__ENGINE__ = engine;
}
