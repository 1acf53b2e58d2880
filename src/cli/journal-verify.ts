import { readFile } from 'node:fs/promises';
import { ProgressLine } from './progress';
import { runTool } from './tool';
import { parsePinnedKeys } from '../journal/head-keys';
import { readHeadsFile } from '../journal/heads-file';
import { verifyJournal } from '../journal/verify';
import { verifyDocuments } from '../modules/documents/verify';

const USAGE = 'usage: npm run journal:verify -- [--heads FILE]... [--key FILE]...';

/** `--heads FILE` (signed heads kept elsewhere) and `--key FILE` (a pinned public key), each any number of times. */
function parseArgs(argv: string[]): { heads: string[]; keys: string[] } {
  const out = { heads: [] as string[], keys: [] as string[] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if ((flag !== '--heads' && flag !== '--key') || !value) throw new Error(USAGE);
    (flag === '--heads' ? out.heads : out.keys).push(value);
  }
  return out;
}

/**
 * `npm run journal:verify`: recomputes the hash chain and holds it to every signed head (those
 * the database holds and those in the --heads files), then every supporting document's file to
 * the hash its entry recorded, with progress; exit code 0 when all is intact, 3 when not.
 */
void runTool(async (services) => {
  const args = parseArgs(process.argv.slice(2));
  const heads = (await Promise.all(args.heads.map(readHeadsFile))).flat();
  const pinnedKeys = (await Promise.all(args.keys.map(async (f) => parsePinnedKeys(await readFile(f, 'utf8'))))).flat();
  const total = await services.journal.entries.estimatedDocumentCount();
  const progress = new ProgressLine(total, process.stderr);
  const started = Date.now();
  const report = await verifyJournal(services.journal, {
    heads,
    pinnedKeys,
    onChecked: (seq) => progress.update(seq, seq),
  });
  progress.update(report.entries, report.entries, true);
  progress.end();
  const documents = await verifyDocuments(services.journal.entries, services.documentFiles);
  const ok = report.ok && documents.ok;
  process.stdout.write(
    `${JSON.stringify({ ...report, ok, documents, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`,
  );
  return ok ? 0 : 3;
});
