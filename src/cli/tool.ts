import { loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { createLogger } from '../http/logging';
import { createServices, type Services } from '../services';

/** Runs a maintenance task against the registry's database, then closes everything. */
export async function runTool(task: (services: Services) => Promise<number>): Promise<void> {
  try {
    const config = loadConfig();
    const log = createLogger('warn');
    const db = await openDatabase(config, (m) => process.stderr.write(`${m}\n`));
    let code = 1;
    try {
      const services = await createServices(db.conn, config, log, { persistKeys: true, tool: true });
      code = await task(services);
      // The applied position, so the service (sharing these projections) does not apply it all again.
      await services.journal.flush();
    } finally {
      await db.close();
    }
    process.exit(code);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
