import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publicJwk, type PublicJwk } from '../lib/jwk';

/** A journal-signing public key as a JWK, as `GET /v1/audit/heads` publishes it for auditors to pin. */
export type HeadJwk = PublicJwk;

export interface HeadKeys {
  /** The key that signs from now on; absent in a tool that found no key (it then verifies only). */
  signer?: { kid: string; privateKey: KeyObject };
  /** Every key whose signatures this process accepts, by kid: the signer and the retired keys kept in the folder. */
  trusted: Map<string, KeyObject>;
  /** The trusted public keys, to publish. */
  jwks: HeadJwk[];
}

/** The public JWK of a journal-signing key, its kid the RFC 7638 thumbprint (as the certificate keys'). */
export const headJwk = (key: KeyObject): HeadJwk => publicJwk(key);

/**
 * Loads the journal-signing keys. `pem` (JOURNAL_SIGNING_KEY) signs when given, and is kept in the
 * folder so it still verifies what it signed after the next one replaces it. Else the newest key
 * file of the folder signs; an empty folder gets a new key (mode 0600) when `create` is set.
 * Every `*.pem` of the folder verifies. Without a folder (tests) a throwaway key in memory.
 */
export async function loadHeadKeys(opts: { pem?: string; dir?: string; create: boolean }): Promise<HeadKeys> {
  const files: { key: KeyObject; mtime: number }[] = [];
  if (opts.dir && existsSync(opts.dir)) {
    for (const name of (await readdir(opts.dir)).filter((n) => n.endsWith('.pem')).sort()) {
      const file = path.join(opts.dir, name);
      files.push({ key: await readKeyFile(file), mtime: (await stat(file)).mtimeMs });
    }
  }
  let signer: KeyObject | undefined;
  if (opts.pem) {
    signer = createPrivateKey(opts.pem);
    if (opts.dir) await keep(opts.dir, signer);
  } else {
    const privates = files.filter((f) => f.key.type === 'private').sort((a, b) => b.mtime - a.mtime);
    signer = privates[0]?.key;
    if (!signer && opts.create) {
      signer = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      if (opts.dir) await keep(opts.dir, signer);
    }
  }
  const all = [...(signer ? [signer] : []), ...files.map((f) => f.key)];
  const trusted = new Map<string, KeyObject>();
  const jwks: HeadJwk[] = [];
  for (const key of all) {
    const jwk = headJwk(key);
    if (trusted.has(jwk.kid)) continue;
    trusted.set(jwk.kid, key.type === 'private' ? createPublicKey(key) : key);
    jwks.push(jwk);
  }
  return { ...(signer ? { signer: { kid: headJwk(signer).kid, privateKey: signer } } : {}), trusted, jwks };
}

/** A PEM file of the folder: a private key (signs and verifies) or a public one (a retired key kept to verify). */
async function readKeyFile(file: string): Promise<KeyObject> {
  const text = await readFile(file, 'utf8');
  const key = text.includes('PRIVATE KEY') ? createPrivateKey(text) : createPublicKey(text);
  headJwk(key); // throws when it is not P-256
  return key;
}

async function keep(dir: string, key: KeyObject): Promise<void> {
  const file = path.join(dir, `${headJwk(key).kid}.pem`);
  if (existsSync(file)) return;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' }).catch(
    (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    },
  );
}

/** Public keys an auditor pinned: a JWK, a key set `{keys: [...]}` (such as a saved heads answer), or a PEM. */
export function parsePinnedKeys(text: string): KeyObject[] {
  if (text.includes('-----BEGIN'))
    return [text.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(text)) : createPublicKey(text)];
  const value = JSON.parse(text) as { keys?: unknown[] } | Record<string, unknown>;
  const jwks = Array.isArray(value.keys) ? value.keys : [value];
  return jwks.map((jwk) => {
    const { kty, crv, x, y } = jwk as Record<string, string>;
    const key = createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' });
    headJwk(key);
    return key;
  });
}
