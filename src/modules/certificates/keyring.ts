import { createPublicKey, type KeyObject } from 'node:crypto';
import type { PublicJwk } from '../../lib/jwk';
import type { SigningKeyDoc, SigningKeyStore } from './store';
import type { KeyVault } from './vault';

/**
 * The certificate keys as this process sees them: read from their projection and kept for a few
 * seconds (verification is a hot path), so a rotation or withdrawal by another process or the
 * CLI takes effect within `ttlMs` (CERTIFICATE_STATUS_CACHE_SECONDS; 0: read every time).
 */
export class CertificateKeyring {
  private snapshot?: { at: number; keys: SigningKeyDoc[]; publicKeys: Map<string, KeyObject> };

  constructor(
    private readonly store: SigningKeyStore,
    readonly vault: KeyVault,
    private readonly ttlMs = 5000,
  ) {}

  invalidate(): void {
    this.snapshot = undefined;
  }

  private async keys() {
    if (!this.snapshot || Date.now() - this.snapshot.at >= this.ttlMs) {
      const keys = await this.store.list({});
      const publicKeys = new Map(
        keys.map((k) => [
          k._id,
          createPublicKey({ key: { kty: k.jwk.kty, crv: k.jwk.crv, x: k.jwk.x, y: k.jwk.y }, format: 'jwk' }),
        ]),
      );
      this.snapshot = { at: Date.now(), keys, publicKeys };
    }
    return this.snapshot;
  }

  /** The active key, with its private half; throws when this process cannot sign. */
  async signer(): Promise<{ kid: string; privateKey: KeyObject }> {
    const active = (await this.keys()).keys.find((k) => k.status === 'active');
    if (!active) throw new Error('no active certificate key: the service makes one when it starts');
    const privateKey = await this.vault.privateKey(active._id);
    if (!privateKey) throw new Error(`the active certificate key ${active._id} is not in this process's key folder`);
    return { kid: active._id, privateKey };
  }

  /** The public key of a kid that may still verify now: not withdrawn, not past its end. */
  async verifier(kid: string, now = new Date()): Promise<KeyObject | undefined> {
    const { keys, publicKeys } = await this.keys();
    const key = keys.find((k) => k._id === kid);
    if (!key || !verifies(key, now)) return undefined;
    return publicKeys.get(kid);
  }

  /** The key a QR code names by the first 8 bytes of its kid (cose.ts), if it may still verify now. */
  async verifierByShortKid(short: Buffer, now = new Date()): Promise<{ kid: string; key: KeyObject } | undefined> {
    const { keys } = await this.keys();
    const match = keys.find((k) => Buffer.from(k._id, 'base64url').subarray(0, 8).equals(short));
    const key = match ? await this.verifier(match._id, now) : undefined;
    return match && key ? { kid: match._id, key } : undefined;
  }

  /** The published key set: the active key and retired ones that still verify. */
  async jwks(now = new Date()): Promise<PublicJwk[]> {
    return (await this.keys()).keys.filter((k) => verifies(k, now)).map((k) => k.jwk);
  }
}

const verifies = (k: SigningKeyDoc, now: Date) =>
  k.status === 'active' ||
  (k.status === 'retired' && k.verifiesUntil !== undefined && k.verifiesUntil > now.toISOString());
