import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { MAGIC_BYTES } from './rules';

/** A file received into the temporary folder: not a document until `keep` moves it into place. */
export interface Received {
  tmp: string;
  sha256: string;
  size: number;
  /** Its first bytes, for the format check. */
  head: Buffer;
}

/** The body was longer than the limit: reading stopped there and the partial file is gone. */
export class TooLarge extends Error {}

/**
 * The documents' bytes as content-addressed files under one folder (`<dir>/sha256/ab/<sha256>`):
 * a file's name is its hash, so it is written once, never changed in place, and two uploads of
 * the same scan share it. Not a projection: a rebuild of the read models leaves it alone, and a
 * backup copies the folder beside the database.
 */
export class DocumentFiles {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    return path.join(this.dir, 'sha256', sha256.slice(0, 2), sha256);
  }

  /**
   * Writes a body to a temporary file, hashing it as it comes. Past `maxBytes` it stops reading
   * (the stream is paused, not destroyed, so the caller can still answer 413 on its connection),
   * deletes what it wrote and throws TooLarge.
   */
  async receive(body: Readable, maxBytes: number): Promise<Received> {
    const tmpDir = path.join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
    const file = await open(tmp, 'wx', 0o600);
    const hash = createHash('sha256');
    const heads: Buffer[] = [];
    let size = 0;
    let kept = false;
    let pending: Promise<void> = Promise.resolve();
    try {
      await new Promise<void>((resolve, reject) => {
        let stopped = false;
        const stop = (err?: Error) => {
          stopped = true;
          body.pause();
          body.off('data', onData);
          body.off('end', onEnd);
          body.off('error', onError);
          if (err) reject(err);
          else resolve();
        };
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return stop(new TooLarge(`larger than ${maxBytes} bytes`));
          if (size - chunk.length < MAGIC_BYTES) heads.push(chunk);
          hash.update(chunk);
          // One write at a time: the body waits while the disk catches up.
          body.pause();
          pending = file.write(chunk).then(
            () => void (stopped || body.resume()),
            (err: unknown) => stop(err as Error),
          );
        };
        // The last chunk is written before the file is called whole.
        const onEnd = () => void pending.then(() => stop());
        const onError = (err: Error) => stop(err);
        body.on('data', onData);
        body.on('end', onEnd);
        body.on('error', onError);
      });
      await file.sync();
      kept = true;
      return { tmp, sha256: hash.digest('hex'), size, head: Buffer.concat(heads).subarray(0, MAGIC_BYTES) };
    } finally {
      await file.close();
      if (!kept) await unlink(tmp).catch(() => undefined);
    }
  }

  /**
   * Moves a received file into place under its hash; returns whether it is new (the same bytes
   * kept before: that file stays as it was, and the new copy is dropped).
   */
  async keep(received: Received): Promise<boolean> {
    const target = this.pathOf(received.sha256);
    await mkdir(path.dirname(target), { recursive: true });
    if (await stat(target).catch(() => undefined)) {
      await this.discard(received);
      return false;
    }
    // rename() is atomic within one file system: a reader sees the whole file or none.
    await rename(received.tmp, target);
    return true;
  }

  /** Removes a file kept for a document whose entry was then not appended. */
  async forget(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(() => undefined);
  }

  /** Deletes a received file that was refused. */
  async discard(received: Received): Promise<void> {
    await unlink(received.tmp).catch(() => undefined);
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  /** The SHA-256 of the file kept under this hash now, or undefined when it is missing. */
  async hashOf(sha256: string): Promise<string | undefined> {
    const file = this.pathOf(sha256);
    if (!(await stat(file).catch(() => undefined))) return undefined;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }
}
