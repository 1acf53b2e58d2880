import { arabicNameKey, asciiDigits, latinNameKey } from '../../src/modules/persons/normalise';

describe('names as identity verification compares them', () => {
  it('Arabic: hamza and alef forms, ta marbuta, Kurdish and Persian letters, spaces inside a name', () => {
    expect(arabicNameKey('عبد الله')).toBe(arabicNameKey('عبدالله'));
    expect(arabicNameKey('أحمد')).toBe(arabicNameKey('احمد'));
    expect(arabicNameKey('فاطمة')).toBe(arabicNameKey('فاطمه'));
    expect(arabicNameKey('کریم')).toBe(arabicNameKey('كريم')); // Persian kaf and yeh
    expect(arabicNameKey('ئاسۆ')).toBe(arabicNameKey('ئاسو')); // Kurdish o
    expect(arabicNameKey('گوڵاڵە')).toBe(arabicNameKey('كولاله')); // gaf, Kurdish l, ae
    expect(arabicNameKey('مُحَمَّد')).toBe(arabicNameKey('محمد'));
    expect(arabicNameKey('علي')).not.toBe(arabicNameKey('عالي'));
  });

  it('Latin: transliteration variants fold together, different names do not', () => {
    const same = [
      ['Mohammed', 'Muhammad', 'Mohamad', 'MOHAMMAD'],
      ['Hussein', 'Husain', 'Hussain', 'Hosein', 'Husayn'],
      ['Karim', 'Kareem'],
      ['Zainab', 'Zaynab', 'Zeinab'],
      ['Yusuf', 'Yousef', 'Youssef'],
      ['Kadhim', 'Kazim', 'Kathim'],
      ['Omar', 'Umar'],
      ['Fatima', 'Fatimah', 'Fatema', 'Fátima'],
      ['Abdul Rahman', 'Abd al-Rahman', 'Abdelrahman', 'Abd Al Rahman'],
      ['Qasim', 'Kasim', 'Qassem'],
    ];
    for (const group of same) expect(new Set(group.map((n) => latinNameKey(n))).size).toBe(1);
    expect(latinNameKey('Al-Tamimi', true)).toBe(latinNameKey('Altamimi', true));
    expect(latinNameKey('el Tamimi', true)).toBe(latinNameKey('Tamimi', true));
    expect(latinNameKey('Ali')).not.toBe(latinNameKey('Omar'));
    expect(latinNameKey('Hassan')).not.toBe(latinNameKey('Hussein'));
    expect(latinNameKey('Samir')).not.toBe(latinNameKey('Shamir'));
    expect(latinNameKey('Alaa')).not.toBe(latinNameKey('Aa'));
  });

  it('Arabic-Indic digits', () => {
    expect(asciiDigits('١٩٩٠-٠٩-١٧')).toBe('1990-09-17');
    expect(asciiDigits('۱۲۳۴۵۶۷۸۹۰')).toBe('1234567890');
  });
});
