import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** A P-256 public key as a JWK, as the JWKS (certificate keys) and the signed journal heads publish it. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  use: 'sig';
  alg: 'ES256';
}

/** The RFC 7638 thumbprint of an EC key: SHA-256 of its required members in lexical order, base64url. */
export function thumbprint(jwk: { crv: string; kty: string; x: string; y: string }): string {
  const canonical = `{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}","y":"${jwk.y}"}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The public JWK of a P-256 key (private or public), with its thumbprint as `kid`. */
export function publicJwk(key: KeyObject): PublicJwk {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  if (pub.asymmetricKeyType !== 'ec' || pub.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error('a signing key must be EC P-256');
  const { x, y } = pub.export({ format: 'jwk' });
  if (!x || !y) throw new Error('the key has no coordinates');
  const members = { kty: 'EC' as const, crv: 'P-256' as const, x, y };
  return { ...members, kid: thumbprint(members), use: 'sig', alg: 'ES256' };
}
