import { ProgressLine } from '../cli/progress';
import { runTool } from './cli';
import { verifyJournal } from './verify';

/** `npm run journal:verify`: recomputes the hash chain, with progress; exit code 0 when intact, 3 when not. */
void runTool(async (services) => {
  const total = await services.journal.entries.estimatedDocumentCount();
  const progress = new ProgressLine(total, process.stderr);
  const started = Date.now();
  const report = await verifyJournal(services.journal, (seq) => progress.update(seq, seq));
  progress.update(report.entries, report.entries, true);
  progress.end();
  process.stdout.write(`${JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
  return report.ok ? 0 : 3;
});
