// The NIN check the service makes (src/modules/common/nin.ts), done before sending so that a
// mistyped number is caught at the desk: Verhoeff tables (dihedral group D5, permutation).
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

/** Arabic-Indic and Eastern Arabic-Indic digits (an Arabic or Kurdish keyboard) as Latin ones. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

export type NinProblem = 'ninDigits' | 'ninCheck';

/** What is wrong with a NIN as typed (digits of any script, spaces allowed), or undefined. */
export function ninProblem(typed: string): NinProblem | undefined {
  const nin = latinDigits(typed).replace(/\s/g, '');
  if (!/^[1-9]\d{11}$/.test(nin)) return 'ninDigits';
  let c = 0;
  for (let k = nin.length - 1, position = 0; k >= 0; k--, position++) {
    c = D[c]?.[P[position % 8]?.[Number(nin.charAt(k))] ?? 0] ?? 0;
  }
  return c === 0 ? undefined : 'ninCheck';
}
