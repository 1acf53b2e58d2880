import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publicJwk } from '../../lib/jwk';

/**
 * Where the private halves of certificate keys live: a folder with one PEM file per kid (mode
 * 0600; in production a mounted secret), or memory when there is no folder (tests). The journal
 * and the database only ever hold public keys.
 */
export class KeyVault {
  private readonly cache = new Map<string, KeyObject>();

  constructor(private readonly dir: string | undefined) {}

  /** Keeps a key (generated, or given as PEM) and returns its kid. */
  async store(privateKey: KeyObject): Promise<string> {
    const { kid } = publicJwk(privateKey);
    this.cache.set(kid, privateKey);
    if (this.dir) {
      const file = this.fileOf(kid);
      if (!existsSync(file)) {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' }).catch(
          (e: NodeJS.ErrnoException) => {
            if (e.code !== 'EEXIST') throw e;
          },
        );
      }
    }
    return kid;
  }

  /** A new P-256 key, kept. */
  generate(): Promise<string> {
    return this.store(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
  }

  /** The private key of a kid, or undefined when this vault does not hold it. */
  async privateKey(kid: string): Promise<KeyObject | undefined> {
    const cached = this.cache.get(kid);
    if (cached) return cached;
    if (!this.dir || !/^[A-Za-z0-9_-]{43}$/.test(kid) || !existsSync(this.fileOf(kid))) return undefined;
    const key = createPrivateKey(await readFile(this.fileOf(kid), 'utf8'));
    this.cache.set(kid, key);
    return key;
  }

  private fileOf(kid: string): string {
    return path.join(this.dir ?? '', `${kid}.pem`);
  }
}
