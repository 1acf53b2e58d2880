import dns from 'node:dns/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from './engine-types';

/**
 * A real mongod through mongodb-memory-server, or undefined when none can be had quickly.
 * Without a cached binary it first checks that the download host resolves, so a machine without
 * internet falls through in milliseconds instead of waiting out the library's download retries.
 */
export async function startMemoryMongo(cacheDir: string, dataDir: string | undefined): Promise<Engine | undefined> {
  const downloadDir = path.join(cacheDir, 'mongodb-binaries');
  process.env.MONGOMS_DOWNLOAD_DIR ??= downloadDir;
  const { MongoMemoryServer } = await import('mongodb-memory-server');
  const { DryMongoBinary } = await import('mongodb-memory-server-core/lib/util/DryMongoBinary');
  const options = await DryMongoBinary.generateOptions({ downloadDir });
  const cached = await DryMongoBinary.locateBinary(options);
  if (!cached && !(await hostResolves(downloadHost()))) return undefined;
  try {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const server = await MongoMemoryServer.create({
      binary: { downloadDir },
      instance: dataDir ? { dbPath: dataDir, storageEngine: 'wiredTiger' } : {},
    });
    return {
      name: 'mongodb-memory-server',
      version: options.version,
      uri: server.getUri(),
      async stop() {
        await server.stop({ doCleanup: !dataDir, force: false });
      },
    };
  } catch {
    return undefined;
  }
}

function downloadHost(): string {
  const mirror =
    process.env.MONGOMS_DOWNLOAD_MIRROR ?? process.env.MONGOMS_DOWNLOAD_URL ?? 'https://fastdl.mongodb.org';
  return new URL(mirror).hostname;
}

async function hostResolves(host: string): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  return Promise.race([
    dns.lookup(host).then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}
