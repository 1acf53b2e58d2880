import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The repository's root, and its docs/ with the committed pictures README links to. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const DOCS = path.join(ROOT, 'docs');

/** Whether dir is parent or somewhere under it. */
export function isUnder(dir: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(dir));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A fresh folder in the OS's temp dir for a test file's pictures, removed by remove(): the tests
 * render and check the pictures there, so a clean clone stays clean after `npm test`; only
 * `npm run docs:pictures` writes into docs/.
 */
export async function scratchPictures(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Each file in docs/ and the SHA-256 of its bytes: the same before and after a test file means it
 * changed, added and removed nothing there (with or without git, whatever the working tree held).
 */
export async function docsFingerprint(): Promise<Record<string, string>> {
  const files = (await readdir(DOCS, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const entries = await Promise.all(
    files.map(async (f) => {
      const file = path.join(f.parentPath, f.name);
      return [
        path.relative(DOCS, file),
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex'),
      ] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
