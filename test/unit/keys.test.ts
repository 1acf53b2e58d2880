import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateKey } from '../../src/modules/auth/signing-key';

describe('token signing keys', () => {
  it('generates a key into the data folder once (mode 0600) and reuses it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'keys-'));
    const first = await loadOrCreateKey('access-token', dir);
    const file = path.join(dir, 'keys', 'access-token.pem');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateKey('access-token', dir);
    expect(second.publicKey.export({ format: 'jwk' })).toEqual(first.publicKey.export({ format: 'jwk' }));
    expect(await readFile(file, 'utf8')).toContain('PRIVATE KEY');
  });

  it('takes a P-256 key from a file and refuses any other kind', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'keys-'));
    const ec = path.join(dir, 'prod.pem');
    await writeFile(
      ec,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect((await loadOrCreateKey('access-token', undefined, ec)).kid).toBe('access-token-prod');
    const rsa = path.join(dir, 'rsa.pem');
    await writeFile(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    await expect(loadOrCreateKey('access-token', undefined, rsa)).rejects.toThrow(/not a P-256/);
  });
});
