import { halves } from '../../src/modules/certificates/pdf';
import { factLines, NO_LATIN_FORM } from '../../src/modules/certificates/labels';

const words = { title: { ar: 'شهادة', ckb: 'بڕوانامە', en: 'Certificate' }, labels: {} };

describe("a certificate's names in each column", () => {
  it('prints the Latin form in the English column when there is one', () => {
    const [line] = factLines(
      {
        name: {
          givenName: 'مريم',
          fatherName: 'أحمد',
          grandfatherName: 'محمود',
          latin: { givenName: 'Maryam', fatherName: 'Ahmad', grandfatherName: 'Mahmoud' },
        },
      },
      words,
    );
    expect(line?.value).toEqual({ ar: 'مريم أحمد محمود', ckb: 'مريم أحمد محمود', en: 'Maryam Ahmad Mahmoud' });
    expect(line?.label.en).toBe('Name');
  });

  it('prints Arabic script in the English column only without a Latin form, and says so', () => {
    const [line] = factLines({ name: { givenName: 'مريم', fatherName: 'أحمد', grandfatherName: 'محمود' } }, words);
    expect(line?.value.en).toBe('مريم أحمد محمود');
    expect(line?.label.en).toBe(`Name (${NO_LATIN_FORM})`);
    expect(line?.label.ar).toBe('الاسم');
  });
});

describe("a coded value's words", () => {
  it("agree with the subject's sex where a kind gives words per sex, and fall back to the value's own", () => {
    const coded = {
      ...words,
      labels: { maritalStatus: { ar: 'الحالة الزوجية', ckb: 'باری هاوسەرگیری', en: 'Marital status' } },
      values: {
        single: { ar: 'أعزب', ckb: 'سەڵت', en: 'Single' },
        'single:female': { ar: 'عزباء', ckb: 'سەڵت', en: 'Single' },
      },
    };
    const valueOf = (sex: string) =>
      factLines({ sex, maritalStatus: 'single' }, coded).find((l) => l.label.en === 'Marital status')?.value.ar;
    expect([valueOf('female'), valueOf('male')]).toEqual(['عزباء', 'أعزب']);
  });
});

describe("the PDF's verify instruction in two lines", () => {
  it('is cut at the comma nearest the middle, in Arabic and Latin script, and keeps every word', () => {
    const en = 'To verify, scan the code, open the link below, or type the certificate number on the verification page';
    expect(halves(en)).toEqual([
      'To verify, scan the code, open the link below,',
      'or type the certificate number on the verification page',
    ]);
    const ar = 'للتحقق امسح الرمز، أو افتح الرابط أدناه، أو أدخل رقم الشهادة في صفحة التحقق';
    const [a, b] = halves(ar);
    expect(`${a} ${b}`).toBe(ar);
    expect(a.endsWith('،')).toBe(true);
    expect(halves('no comma here')).toEqual(['no comma here', '']);
  });
});
