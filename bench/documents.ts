/**
 * Supporting documents' bytes in the two stores the service has: content-addressed files (the
 * default) and GridFS (DOCUMENT_STORE=gridfs), on the configured engine. For scans of 200 kB,
 * 2 MB and 10 MB: the median time to keep one (received into a temporary file, then moved or
 * streamed into place), to read it back, and to hash it again as journal:verify does, with the
 * throughput. Runs on a database of its own (MONGODB_DB=bench-documents-<time>).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/open';
import { DocumentFiles } from '../src/modules/documents/files';
import { DocumentGridFs } from '../src/modules/documents/gridfs';

const SIZES = [
  { label: '200 kB', bytes: 200_000, count: 40 },
  { label: '2 MB', bytes: 2_000_000, count: 12 },
  { label: '10 MB', bytes: 10_000_000, count: 4 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - t0) / 1e6];
}

async function measure(store: DocumentFiles, bytes: number, count: number) {
  const keep: number[] = [];
  const read: number[] = [];
  const verify: number[] = [];
  for (let i = 0; i < count; i++) {
    const body = randomBytes(bytes);
    const [received, receiving] = await timed(() => store.receive(Readable.from([body]), 11_000_000));
    const [, keeping] = await timed(() => store.keep(received));
    keep.push(receiving + keeping);
    const [back, reading] = await timed(() => store.read(received.sha256));
    if (!back.equals(body)) throw new Error('a document read back differs');
    read.push(reading);
    const [hash, hashing] = await timed(() => store.hashOf(received.sha256));
    if (hash !== received.sha256) throw new Error('a document hashed again differs');
    verify.push(hashing);
  }
  const rate = (ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
  const cell = (xs: number[]) => `${median(xs).toFixed(1)} ms (${rate(median(xs))})`;
  return [cell(keep), cell(read), cell(verify)];
}

async function main() {
  const config = loadConfig({ ...process.env, MONGODB_DB: `bench-documents-${Date.now()}` });
  const db = await openDatabase(config, (m) => process.stderr.write(`${m}\n`));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'registry-documents-bench-'));
  try {
    const stores = {
      files: new DocumentFiles(path.join(dir, 'files')),
      gridfs: new DocumentGridFs(path.join(dir, 'gridfs'), db.conn.db!),
    };
    const line = (...cells: string[]) =>
      process.stdout.write(
        `${cells[0]!.padEnd(16)}${cells
          .slice(1)
          .map((c) => c.padEnd(26))
          .join('')}\n`,
      );
    line('store, size', 'keep (p50)', 'read (p50)', 'hash again (p50)');
    for (const { label, bytes, count } of SIZES)
      for (const [name, store] of Object.entries(stores))
        line(`${name} ${label}`, ...(await measure(store, bytes, count)));
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
