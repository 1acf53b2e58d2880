import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, type Db } from 'mongodb';
import { DocumentFiles, type Received } from './files';

/**
 * The documents' bytes in GridFS (bucket `documents`), named by their SHA-256: on a MongoDB
 * replica set they are replicated and backed up with the database, and every instance of the
 * service reads the same files. A body is still received into a temporary file under `dir` (the
 * size limit and the format check come before anything is stored), then streamed into GridFS.
 */
export class DocumentGridFs extends DocumentFiles {
  private readonly bucket: GridFSBucket;

  constructor(dir: string, db: Db) {
    super(dir);
    this.bucket = new GridFSBucket(db, { bucketName: 'documents' });
  }

  private async idsOf(sha256: string) {
    return (await this.bucket.find({ filename: sha256 }, { projection: { _id: 1 } }).toArray()).map((f) => f._id);
  }

  override async keep(received: Received): Promise<boolean> {
    if ((await this.idsOf(received.sha256)).length > 0) {
      await this.discard(received);
      return false;
    }
    // GridFS writes the chunks first and the file's document last: a reader sees all of it or none.
    await pipeline(createReadStream(received.tmp), this.bucket.openUploadStream(received.sha256));
    await unlink(received.tmp).catch(() => undefined);
    return true;
  }

  override async forget(sha256: string): Promise<void> {
    for (const id of await this.idsOf(sha256)) await this.bucket.delete(id).catch(() => undefined);
  }

  override async read(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStreamByName(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  override async hashOf(sha256: string): Promise<string | undefined> {
    if ((await this.idsOf(sha256)).length === 0) return undefined;
    const hash = createHash('sha256');
    try {
      for await (const chunk of this.bucket.openDownloadStreamByName(sha256)) hash.update(chunk as Buffer);
    } catch (err) {
      // A chunk changed in length or gone: the driver refuses to read it, which is a changed file too.
      return `unreadable: ${(err as Error).message}`;
    }
    return hash.digest('hex');
  }
}
