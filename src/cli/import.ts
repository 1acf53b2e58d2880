import { createReadStream, createWriteStream, statSync } from 'node:fs';
import os from 'node:os';
import { runTool } from './tool';
import { formatOfFile, readRows } from '../modules/imports/format';
import { DEFAULT_BATCH_SIZE, importLegacyRegister } from '../modules/imports/importer';
import { ProgressLine } from './progress';

const USAGE = 'usage: npm run import -- FILE [--report FILE] [--batch N]   (FILE: .ndjson or .csv)';

/**
 * `npm run import -- FILE`: enrols the legacy register from an NDJSON or CSV file, in batches
 * through the journal. Resumable: run it again after a crash or Ctrl-C and it skips everyone
 * enrolled before. Rejected rows go to FILE.rejected.ndjson (line, field, reason).
 */
function parseArgs(argv: string[]) {
  const [file, ...rest] = argv;
  if (!file || file.startsWith('--')) throw new Error(USAGE);
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const batch = Number(option('--batch') ?? DEFAULT_BATCH_SIZE);
  if (!Number.isInteger(batch) || batch < 1 || batch > 5000) throw new Error(`--batch must be 1 to 5000; ${USAGE}`);
  return { file, report: option('--report') ?? `${file}.rejected.ndjson`, batch };
}

void runTool(async (services) => {
  const args = parseArgs(process.argv.slice(2));
  const size = statSync(args.file).size;
  const input = createReadStream(args.file);
  let bytes = 0;
  input.on('data', (chunk) => (bytes += chunk.length));
  const report = createWriteStream(args.report);
  const progress = new ProgressLine(size, process.stderr);
  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(
      '\nstopping after the batch being written (Ctrl-C again to quit now); run the same command to resume\n',
    );
  });
  const ctx = {
    actor: { id: `import:${os.userInfo().username}`, role: 'system' as const },
    requestId: `import-${Date.now()}`,
  };
  const started = Date.now();
  const result = await importLegacyRegister(
    services,
    ctx,
    readRows(input, formatOfFile(args.file), services.config.IMPORT_MAX_LINE_BYTES),
    {
      source: args.file.split('/').pop() ?? args.file,
      batchSize: args.batch,
      onRejection: (r) => report.write(`${JSON.stringify(r)}\n`),
      onBatch: (r) => progress.update(bytes, r.rows),
      shouldStop: () => stopping,
    },
  );
  progress.update(bytes, result.rows, true);
  progress.end();
  await new Promise((resolve) => report.end(resolve));
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ ...result, seconds: Math.round(seconds * 10) / 10, report: args.report, stoppedEarly: stopping }, null, 2)}\n`,
  );
  return 0;
});
