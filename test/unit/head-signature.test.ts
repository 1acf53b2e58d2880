import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { headJwk, parsePinnedKeys } from '../../src/journal/head-keys';
import { headSignatureProblem, signHead, signedBytes } from '../../src/journal/head-signature';

const key = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const head = { seq: 1200, hash: 'ab'.repeat(32) };

describe('signed journal heads', () => {
  const ours = key();
  const signer = { kid: headJwk(ours).kid, privateKey: ours };
  const trusted = new Map([[signer.kid, ours]]);

  it('signs the canonical {at, hash, seq} and verifies with the key of its kid', () => {
    const signed = signHead(head, signer, new Date('2026-05-02T10:00:00Z'));
    expect(signedBytes(signed).toString()).toBe(`{"at":"2026-05-02T10:00:00.000Z","hash":"${head.hash}","seq":1200}`);
    expect(headSignatureProblem(signed, trusted)).toBeUndefined();
  });

  it('refuses a head changed after signing, another key, and an unknown kid', () => {
    const signed = signHead(head, signer);
    expect(headSignatureProblem({ ...signed, hash: 'cd'.repeat(32) }, trusted)).toContain(
      'does not carry a valid signature',
    );
    expect(headSignatureProblem({ ...signed, seq: 1300 }, trusted)).toContain('does not carry a valid signature');
    const other = key();
    expect(headSignatureProblem({ ...signHead(head, { kid: signer.kid, privateKey: other }) }, trusted)).toContain(
      'does not carry a valid signature',
    );
    expect(headSignatureProblem(signHead(head, { kid: headJwk(other).kid, privateKey: other }), trusted)).toContain(
      'not a trusted journal key',
    );
    expect(headSignatureProblem({ ...signed, signature: 'AAAA' }, trusted)).toContain(
      'does not carry a valid signature',
    );
  });

  it('reads a pinned key as a JWK, a key set (a saved heads answer) or a PEM, all to the same kid', () => {
    const jwk = headJwk(ours);
    const pem = createPublicKey(ours).export({ type: 'spki', format: 'pem' }) as string;
    for (const text of [JSON.stringify(jwk), JSON.stringify({ items: [], keys: [jwk] }), pem]) {
      expect(parsePinnedKeys(text).map((k) => headJwk(k).kid)).toEqual([jwk.kid]);
    }
  });
});
