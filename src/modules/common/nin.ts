import { randomInt } from 'node:crypto';
import { must } from '../../lib/must';

// Verhoeff tables: multiplication in the dihedral group D5, permutation, inverse.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/**
 * The Verhoeff checksum of a string of digits, read from the right, its last digit at position
 * `first` of the permutation cycle. Each step is one lookup in each table; a character that is not
 * a digit finds no entry, which is the caller's bug.
 */
function checksum(digits: string, first: number): number {
  let c = 0;
  for (let k = digits.length - 1, position = first; k >= 0; k--, position++) {
    const next = D[c]?.[P[position % 8]?.[Number(digits.charAt(k))] ?? -1];
    if (next === undefined) throw new Error(`internal error: not a string of digits: "${digits}"`);
    c = next;
  }
  return c;
}

/** The Verhoeff check digit for a string of digits. */
export function verhoeffDigit(digits: string): number {
  return must(INV[checksum(digits, 1)], 'Verhoeff inverse');
}

/** True when the string is 12 digits whose last is the Verhoeff check digit of the first 11. */
export function isValidNin(value: string): boolean {
  return /^[1-9]\d{11}$/.test(value) && checksum(value, 0) === 0;
}

/** A random NIN: it encodes nothing about the person. The caller checks it is not taken. */
export function randomNin(random: (max: number) => number = randomInt): string {
  let body = String(1 + random(9));
  for (let i = 0; i < 10; i++) body += String(random(10));
  return body + String(verhoeffDigit(body));
}
