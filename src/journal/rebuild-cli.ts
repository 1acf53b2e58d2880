import { runTool } from './cli';
import { rebuildProjections } from './rebuild';

/** `npm run projections:rebuild`: rebuilds persons, records and offices from the journal. */
void runTool(async (services) => {
  const applied = await rebuildProjections(services);
  process.stdout.write(`rebuilt the projections from ${applied} journal entries\n`);
  return 0;
});
