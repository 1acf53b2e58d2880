import { loadConfig } from '../config';
import { ensureFerretDb } from './ferretdb';

/** `npm run db:install`: builds FerretDB into the engine cache if it is not there yet (used by CI). */
async function main() {
  const config = loadConfig();
  const binary = await ensureFerretDb(config.ENGINE_CACHE_DIR, (m) => process.stdout.write(`${m}\n`));
  process.stdout.write(`FerretDB ready: ${binary}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
