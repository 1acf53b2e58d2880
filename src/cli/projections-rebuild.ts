import { ProgressLine } from './progress';
import { runTool } from './tool';
import { rebuildProjections } from '../journal/rebuild';

/** `npm run projections:rebuild`: rebuilds every projection from the journal, with progress. */
void runTool(async (services) => {
  const total = await services.journal.entries.estimatedDocumentCount();
  const progress = new ProgressLine(total, process.stderr);
  const started = Date.now();
  const applied = await rebuildProjections(services, (seq) => progress.update(seq, seq));
  progress.update(applied, applied, true);
  progress.end();
  process.stdout.write(
    `rebuilt the projections from ${applied} journal entries in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
});
