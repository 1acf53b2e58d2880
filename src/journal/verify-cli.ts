import { runTool } from './cli';
import { verifyChain } from './verify';

/** `npm run journal:verify`: recomputes the hash chain; exit code 0 when intact, 3 when not. */
void runTool(async (services) => {
  const report = await verifyChain(services.journal.entries);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.ok ? 0 : 3;
});
