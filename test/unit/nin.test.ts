import { isValidNin, randomNin, verhoeffDigit } from '../../src/modules/common/nin';

describe('NIN', () => {
  it('computes the Verhoeff digit of known values', () => {
    expect(verhoeffDigit('236')).toBe(3);
    expect(verhoeffDigit('12345')).toBe(1);
    expect(verhoeffDigit('142857')).toBe(0);
  });

  it('accepts generated NINs and refuses every single-digit change and every adjacent swap', () => {
    for (let i = 0; i < 200; i++) {
      const nin = randomNin();
      expect(nin).toMatch(/^[1-9]\d{11}$/);
      expect(isValidNin(nin)).toBe(true);
      for (let pos = 0; pos < 12; pos++) {
        const d = (Number(nin[pos]) + 1 + (i % 9)) % 10;
        const changed = nin.slice(0, pos) + d + nin.slice(pos + 1);
        if (changed !== nin) expect(isValidNin(changed)).toBe(false);
      }
      for (let pos = 0; pos < 11; pos++) {
        if (nin[pos] === nin[pos + 1]) continue;
        const swapped = nin.slice(0, pos) + nin[pos + 1] + nin[pos] + nin.slice(pos + 2);
        expect(isValidNin(swapped)).toBe(false);
      }
    }
  });

  it('refuses wrong lengths, letters and a leading zero', () => {
    expect(isValidNin('12345')).toBe(false);
    expect(isValidNin('12345678901a')).toBe(false);
    const body = '01234567890';
    expect(isValidNin(body + verhoeffDigit(body))).toBe(false);
  });
});
