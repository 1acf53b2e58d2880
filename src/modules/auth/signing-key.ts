import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * The ES256 key that signs access tokens: read from `<dataDir>/keys/<name>.pem`, generated there
 * (mode 0600) on first start; from `keyFile` when given (production); a throwaway key in memory
 * when there is no data folder (tests).
 */
export async function loadOrCreateKey(
  name: string,
  dataDir: string | undefined,
  keyFile?: string,
): Promise<SigningKey> {
  if (keyFile) {
    const key = createPrivateKey(await readFile(keyFile, 'utf8'));
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
      throw new Error(`${keyFile} is not a P-256 private key`);
    return fromPrivate(key, `${name}-${path.basename(keyFile, '.pem')}`);
  }
  if (!dataDir) return fromPrivate(generate(), `${name}-ephemeral`);
  const file = path.join(dataDir, 'keys', `${name}.pem`);
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, generate().export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' }).catch(
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      },
    );
  }
  return fromPrivate(createPrivateKey(await readFile(file, 'utf8')), `${name}-1`);
}

function generate(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

function fromPrivate(privateKey: KeyObject, kid: string): SigningKey {
  return { kid, privateKey, publicKey: createPublicKey(privateKey) };
}
