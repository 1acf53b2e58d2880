/**
 * Base45 (RFC 9285): bytes as the 45 characters of a QR code's alphanumeric mode, 2 bytes to 3
 * characters. A QR code holds 5.5 bits per such character against 8 per byte, so Base45 text
 * takes fewer modules than the same bytes in byte mode would after base64.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] as number) * 256 + (bytes[i + 1] as number);
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45) % 45]! + ALPHABET[Math.floor(n / 2025)]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number;
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/** The bytes of Base45 text; undefined when it is not Base45 (a character outside the alphabet, a value over 65535). */
export function decodeBase45(text: string): Buffer | undefined {
  if (text.length % 3 === 1) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const chunk = [...text.slice(i, i + 3)].map((c) => VALUE.get(c));
    if (chunk.some((v) => v === undefined)) return undefined;
    const [c, d, e] = chunk as number[];
    if (e === undefined) {
      const n = c! + d! * 45;
      if (n > 255) return undefined;
      out.push(n);
    } else {
      const n = c! + d! * 45 + e * 2025;
      if (n > 65535) return undefined;
      out.push(n >> 8, n & 255);
    }
  }
  return Buffer.from(out);
}
