import type { CertificateWords, Words } from '../../src/modules/records/contract';

/**
 * What the kind contract makes a compile error rather than a raw key or code on a PDF. The
 * `@ts-expect-error` lines are the test: `npm test` type-checks this file first, and fails if any
 * of them compiles (the guarantee gone). Jest then checks the complete one holds what it says.
 */
type Facts = { dateOfDivorce: string; divorceType?: 'talaq' | 'khula'; courtReference: string };
const w: Words = { ar: 'ع', ckb: 'ک', en: 'e' };

const complete: CertificateWords<Facts> = {
  type: 'DivorceCertificate',
  title: w,
  labels: { dateOfDivorce: w, divorceType: w },
  values: { talaq: w, khula: w, 'talaq:female': w },
};

const noLabel: CertificateWords<Facts> = {
  type: 'DivorceCertificate',
  title: w,
  // @ts-expect-error a certified fact without its label
  labels: { dateOfDivorce: w },
  values: { talaq: w, khula: w },
};
const noCodeWords: CertificateWords<Facts> = {
  type: 'DivorceCertificate',
  title: w,
  labels: { dateOfDivorce: w, divorceType: w },
  // @ts-expect-error a code without its words
  values: { talaq: w },
};
// @ts-expect-error coded facts and no words for their codes at all
const noValues: CertificateWords<Facts> = {
  type: 'DivorceCertificate',
  title: w,
  labels: { dateOfDivorce: w, divorceType: w },
};
const noKurdish: CertificateWords<Facts> = {
  type: 'DivorceCertificate',
  // @ts-expect-error a title without its Kurdish words
  title: { ar: 'ع', en: 'e' },
  labels: { dateOfDivorce: w, divorceType: w },
  values: { talaq: w, khula: w },
};

describe('the certificate words of the kind contract', () => {
  it('holds a label for each certified fact and words for each code', () => {
    expect(Object.keys(complete.labels).sort()).toEqual(['dateOfDivorce', 'divorceType']);
    expect(complete.values.talaq).toBe(w);
    // The refused ones exist only to be refused by the compiler.
    expect([noLabel, noCodeWords, noValues, noKurdish]).toHaveLength(4);
  });
});
