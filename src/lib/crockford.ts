/**
 * Douglas Crockford's Base32 (https://www.crockford.com/base32.html), for numbers people read off
 * paper and type: no I, L, O or U (read as 1, 1, 0 and not at all), case and hyphens ignored, and a
 * check symbol (the value mod 37) that catches every single wrong character and every swap of two
 * neighbours.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The check symbols: the alphabet, then the five values 32 to 36. */
const CHECK_SYMBOLS = `${ALPHABET}*~$=U`;
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** The value's symbols, most significant first, `length` of them (zeros in front). */
export function encodeCrockford(value: bigint, length: number): string {
  let out = '';
  for (let v = value; out.length < length; v >>= 5n) out = ALPHABET[Number(v & 31n)] + out;
  return out;
}

export const checkSymbolOf = (value: bigint): string => CHECK_SYMBOLS[Number(value % 37n)]!;

/** The value of symbols, or undefined when one is not of the alphabet. */
function valueOf(symbols: string): bigint | undefined {
  let v = 0n;
  for (const s of symbols) {
    const i = ALPHABET.indexOf(s);
    if (i < 0) return undefined;
    v = (v << 5n) | BigInt(i);
  }
  return v;
}

/** Groups of `size` symbols joined by hyphens, as printed. */
export const grouped = (symbols: string, size = 4) => symbols.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-');

/**
 * What someone typed, read back: case, spaces and hyphens ignored, O read as 0 and I or L as 1;
 * `length` data symbols and the check symbol. Undefined when it is not such a number or its check
 * symbol does not match (a typing slip).
 */
export function readCrockford(text: string, length: number): { value: bigint; symbols: string } | undefined {
  const plain = [...text.toUpperCase().replace(/[\s-]/g, '')].map((s) => LOOK_ALIKES[s] ?? s).join('');
  if (plain.length !== length + 1) return undefined;
  const value = valueOf(plain.slice(0, length));
  if (value === undefined || checkSymbolOf(value) !== plain.slice(length)) return undefined;
  return { value, symbols: encodeCrockford(value, length) };
}
