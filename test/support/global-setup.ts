import type { Engine } from '../../src/db/engine';
import { startThrowawayEngine } from './engine';

declare global {
  var __ENGINE__: Engine | undefined;
}

/** One engine for the whole run (throwaway data); test files share it with a database each. */
export default async function globalSetup(): Promise<void> {
  const engine = await startThrowawayEngine((m) => process.stderr.write(`${m}\n`));
  process.stderr.write(`\n[engine] tests run on ${engine.name} ${engine.version}\n`);
  process.env.TEST_MONGODB_URI = engine.uri;
  process.env.TEST_ENGINE = engine.name;
  globalThis.__ENGINE__ = engine;
}
