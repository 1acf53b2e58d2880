import { decodeBase45, encodeBase45 } from '../../src/lib/base45';

/** RFC 9285's own examples. */
const VECTORS: [string, string][] = [
  ['AB', 'BB8'],
  ['Hello!!', '%69 VD92EX0'],
  ['base-45', 'UJCLQE7W581'],
  ['ietf!', 'QED8WEX0'],
];

describe('Base45 (RFC 9285)', () => {
  it('encodes and decodes the RFC examples', () => {
    for (const [text, encoded] of VECTORS) {
      expect(encodeBase45(Buffer.from(text))).toBe(encoded);
      expect(decodeBase45(encoded)?.toString()).toBe(text);
    }
  });

  it('refuses what is not Base45: a character outside the alphabet, a dangling character, a value over 65535', () => {
    expect(decodeBase45('bb8')).toBeUndefined();
    expect(decodeBase45('BB8A')).toBeUndefined();
    expect(decodeBase45('GGW')).toBeUndefined();
  });

  it('round-trips any bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 257 }, (_, i) => (i * 37) % 256));
    expect(decodeBase45(encodeBase45(bytes))?.equals(bytes)).toBe(true);
  });
});
