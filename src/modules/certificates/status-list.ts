import { gzipSync } from 'node:zlib';

/**
 * W3C Bitstring Status List: one bit per certificate, set when it is revoked. A list holds
 * 131,072 entries (the specification's minimum, for herd privacy: a download says nothing about
 * which certificate a verifier holds); a certificate's index picks its list and its bit.
 */
export const STATUS_LIST_SIZE = 131_072;

export const listOf = (index: number) => String(Math.floor(index / STATUS_LIST_SIZE) + 1);

/** The address of the status list a certificate's index is in. */
export const statusListUrl = (base: string, index: number) => `${base}/v1/status-lists/${listOf(index)}`;

/** The `encodedList`: the bits (index 0 is the left-most bit of the first byte), GZIP, base64url, multibase `u`. */
export function encodeStatusList(setPositions: readonly number[]): string {
  const bits = Buffer.alloc(STATUS_LIST_SIZE / 8);
  for (const p of setPositions) {
    const byte = bits[p >> 3];
    // Positions are stored within their list (projection.ts): one outside it is a bug, not a bit to drop.
    if (byte === undefined)
      throw new RangeError(`internal error: status position ${p} outside a list of ${STATUS_LIST_SIZE}`);
    bits[p >> 3] = byte | (0x80 >> (p & 7));
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The claims of a status list credential (VC 2.0 secured with JOSE), valid for a day. */
export function statusListClaims(issuer: string, url: string, encodedList: string, now = new Date()) {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: now.toISOString(),
    validUntil: new Date(now.getTime() + 86_400_000).toISOString(),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
    iss: issuer,
    iat,
    exp: iat + 86_400,
  };
}
