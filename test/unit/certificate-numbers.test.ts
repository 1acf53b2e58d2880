import fc from 'fast-check';
import { checkSymbolOf, encodeCrockford, readCrockford } from '../../src/lib/crockford';
import { certificateIdOf, idBytes, idOfBytes, newCertificateId } from '../../src/modules/certificates/ids';

describe("Crockford's Base32", () => {
  it('encodes with its alphabet and checks by the value mod 37', () => {
    // 1234 = 1·32² + 6·32 + 18; 1234 mod 37 = 13.
    expect(encodeCrockford(1234n, 3)).toBe('16J');
    expect(checkSymbolOf(1234n)).toBe('D');
    expect(encodeCrockford(1234n, 5)).toBe('0016J');
    expect(checkSymbolOf(32n)).toBe('*');
    expect(checkSymbolOf(36n)).toBe('U');
    expect(readCrockford('16jd', 3)?.value).toBe(1234n);
    expect(readCrockford('1-6 J-D', 3)?.value).toBe(1234n);
    // I and L are read as 1, O as 0; U is no data symbol.
    expect(readCrockford('I6JD', 3)?.value).toBe(1234n);
    expect(readCrockford('l6JD', 3)?.value).toBe(1234n);
    expect(readCrockford('U6JD', 3)).toBeUndefined();
    expect(readCrockford('16JE', 3)).toBeUndefined();
    expect(readCrockford('16J', 3)).toBeUndefined();
  });
});

describe('certificate numbers', () => {
  it('are four groups of four and a check symbol, all letters and digits of the alphabet', () => {
    for (let i = 0; i < 500; i++) expect(newCertificateId()).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]$/);
  });

  it('are read back however they are typed, and to the same bytes in the QR code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from({ length: 50 }, newCertificateId)), fc.boolean(), (id, spaces) => {
        const typed = id
          .toLowerCase()
          .replace(/-/g, spaces ? ' ' : '')
          .replace(/0/g, 'o')
          .replace(/1/g, 'l');
        expect(certificateIdOf(typed)).toBe(id);
        expect(idBytes(id)).toHaveLength(10);
        expect(idOfBytes(idBytes(id))).toBe(id);
      }),
    );
  });

  it('refuse every single mistyped symbol and every swap of two different neighbours', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (const plain of Array.from({ length: 200 }, () => newCertificateId().replace(/-/g, '')))
      for (let i = 0; i < plain.length; i++) {
        for (const s of alphabet)
          if (s !== plain[i]) expect(certificateIdOf(plain.slice(0, i) + s + plain.slice(i + 1))).toBeUndefined();
        if (i + 1 < plain.length && plain[i] !== plain[i + 1])
          expect(certificateIdOf(plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2))).toBeUndefined();
      }
  });

  it('keep the ids of certificates issued before them', () => {
    const legacy = 'c_gzNl-vBhgZefyjtwNzTpOQ';
    expect(certificateIdOf(legacy)).toBe(legacy);
    expect(certificateIdOf('b8y9 3r3x 5d4f d8e3 c')).toBe('B8Y9-3R3X-5D4F-D8E3-C');
    expect(idOfBytes(idBytes(legacy))).toBe(legacy);
    expect(certificateIdOf('C_GZNL-VBHGZEFYJTWNZTPOQ')).toBeUndefined();
  });
});
