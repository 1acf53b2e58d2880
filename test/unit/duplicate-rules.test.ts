import { birthLikeness } from '../../src/modules/births/duplicates';
import { deathLikeness } from '../../src/modules/deaths/duplicates';
import { foldedNamePart, foldedNames, monthsAround, personKey } from '../../src/modules/duplicates/keys';
import { sameMother } from '../../src/modules/duplicates/mother';
import { DUPLICATE_THRESHOLD, flagged, likeness } from '../../src/modules/duplicates/scoring';
import type { BirthFacts } from '../../src/modules/births/schemas';
import type { DeathFacts } from '../../src/modules/deaths/schemas';

const child = (c: Partial<BirthFacts['child']> = {}): BirthFacts['child'] => ({
  givenName: 'زينب',
  sex: 'female',
  dateOfBirth: '2026-03-14',
  placeOfBirth: { governorate: 'IQ-BG' },
  ...c,
});
const byNin = { nin: '111111111111' };
const byName = {
  names: foldedNames({ givenName: 'فاطمة', fatherName: 'علي', grandfatherName: 'حسن' }),
  dateOfBirth: '1995-04-02',
};

describe('duplicate keys', () => {
  it('fold hamza and alef forms, ta marbuta, alef maqsura, spaces and a leading article', () => {
    expect(foldedNamePart('فاطمة')).toBe(foldedNamePart('فاطمه'));
    expect(foldedNamePart('إبراهيم')).toBe(foldedNamePart('ابراهيم'));
    expect(foldedNamePart('على')).toBe(foldedNamePart('علي'));
    expect(foldedNamePart('الجبوري')).toBe(foldedNamePart('جبوري'));
    expect(foldedNamePart('عبد الله')).toBe(foldedNamePart('عبدالله'));
    expect(foldedNamePart('حسن')).not.toBe(foldedNamePart('حسين'));
  });

  it('cover the months a window touches', () => {
    expect(monthsAround('2026-03-14', 5)).toEqual(['2026-03']);
    expect(monthsAround('2026-03-02', 5)).toEqual(['2026-02', '2026-03']);
    expect(monthsAround('2026-12-30', 5)).toEqual(['2026-12', '2027-01']);
  });

  it('file a person by folded full name, sex and date of birth', () => {
    const name = { givenName: 'مؤيد', fatherName: 'عبد الله', grandfatherName: 'إبراهيم', familyName: 'الساعدي' };
    const spelt = { givenName: 'موید', fatherName: 'عبدالله', grandfatherName: 'ابراهيم', familyName: 'ساعدي' };
    expect(personKey({ name, sex: 'male', dateOfBirth: '1961-07-09' })).toBe(
      personKey({ name: spelt, sex: 'male', dateOfBirth: '1961-07-09' }),
    );
    expect(personKey({ name, sex: 'male', dateOfBirth: '1961-07-09' })).not.toBe(
      personKey({ name, sex: 'female', dateOfBirth: '1961-07-09' }),
    );
  });
});

describe('the scoring', () => {
  it('adds the weights of what agrees, takes away what differs, caps at 1', () => {
    expect(
      likeness([
        ['a', 0.5, true],
        ['b', 0.2, false],
        ['c', 0.3, undefined],
      ]),
    ).toEqual({ score: 0.3, reasons: ['a'] });
    expect(
      likeness([
        ['a', 0.8, true],
        ['b', 0.8, true],
      ]).score,
    ).toBe(1);
    expect(likeness([['a', 0.2, false]]).score).toBe(0);
  });

  it('keeps the candidates at or above the threshold, most alike first', () => {
    const c = (recordId: string, score: number) => ({ recordId, score, reasons: [] });
    expect(flagged([c('r_a', 0.69), c('r_b', 0.7), c('r_c', 0.9)]).map((x) => x.recordId)).toEqual(['r_c', 'r_b']);
  });

  it('reads a mother as the same by NIN, or by folded names and a birth date within a year; two NINs are two women', () => {
    expect(sameMother(byNin, byNin)?.reasons).toEqual(['mother.nin']);
    expect(sameMother(byNin, { nin: '222222222222', names: byName.names })).toBeUndefined();
    expect(sameMother({ ...byNin, ...byName }, { ...byName, dateOfBirth: '1996-03-01' })?.weight).toBe(0.35);
    expect(sameMother(byName, { ...byName, dateOfBirth: '1997-04-02' })).toBeUndefined();
  });

  it('scores a repeated birth above the threshold and twins of another name below it', () => {
    const same = birthLikeness(
      { child: child(), mother: byNin },
      { child: child({ dateOfBirth: '2026-03-17' }), mother: byNin },
    );
    expect(same).toEqual({ score: 1, reasons: ['mother.nin', 'child.dateOfBirth', 'child.sex', 'child.givenName'] });
    const notified = birthLikeness(
      { child: child({ givenName: undefined }), mother: byNin },
      { child: child(), mother: byNin },
    );
    expect(notified?.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    const twins = birthLikeness(
      { child: child(), mother: byNin },
      { child: child({ givenName: 'مريم' }), mother: byNin },
    );
    expect(twins?.score).toBeLessThan(DUPLICATE_THRESHOLD);
    const latin = birthLikeness(
      { child: child({ givenName: 'محمد', latin: { givenName: 'Mohammed' } }), mother: byNin },
      { child: child({ givenName: 'محمّد', latin: { givenName: 'Muhammad' } }), mother: byNin },
    );
    expect(latin?.reasons).toContain('child.givenName');
    expect(
      birthLikeness({ child: child(), mother: byNin }, { child: child({ dateOfBirth: '2026-03-20' }), mother: byNin }),
    ).toBeUndefined();
  });

  it('reads one deceased declared twice as one death, and another person as none', () => {
    const d = (nin: string, dateOfDeath: string) =>
      ({
        deceased: { nin },
        dateOfDeath,
        placeOfDeath: { governorate: 'IQ-BG' },
        causeOfDeath: { icd10: 'I21.9' },
      }) as DeathFacts;
    expect(deathLikeness(d('1', '2026-05-02'), d('1', '2026-05-20'))).toEqual({
      score: 1,
      reasons: ['deceased.nin', 'dateOfDeath'],
    });
    expect(deathLikeness(d('1', '2026-05-02'), d('1', '2026-09-20'))?.score).toBe(0.7);
    expect(deathLikeness(d('1', '2026-05-02'), d('2', '2026-05-02'))).toBeUndefined();
  });
});
