import { yearsBetween } from '../../src/modules/common/dates';
import { BIRTH_RULES, checkChildBirthDate, checkFather, checkMother } from '../../src/modules/births/rules';
import { completeChildName } from '../../src/modules/births/names';
import { Problem } from '../../src/http/problem';

const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof Problem ? e.extra.code : String(e);
  }
};

describe('birth rules', () => {
  it('refuses a birth in the future, accepts today', () => {
    expect(code(() => checkChildBirthDate('2026-11-26', '2026-11-25'))).toBe('date-in-future');
    expect(code(() => checkChildBirthDate('2026-11-25', '2026-11-25'))).toBe('ok');
  });

  it('counts whole years', () => {
    expect(yearsBetween('2000-02-29', '2018-02-28')).toBe(17);
    expect(yearsBetween('2000-02-29', '2018-03-01')).toBe(18);
  });

  it('wants a mother of plausible age, alive at the birth', () => {
    expect(code(() => checkMother({ dateOfBirth: '2015-01-01' }, '2026-01-01'))).toBe('mother-age-implausible');
    expect(code(() => checkMother({ dateOfBirth: '1960-01-01' }, '2026-01-01'))).toBe('mother-age-implausible');
    expect(code(() => checkMother({ dateOfBirth: `${2026 - BIRTH_RULES.minMotherAge}-01-01` }, '2026-01-01'))).toBe(
      'ok',
    );
    expect(
      code(() =>
        checkMother({ dateOfBirth: '1990-01-01', status: 'deceased', dateOfDeath: '2025-12-31' }, '2026-01-01'),
      ),
    ).toBe('mother-deceased');
    expect(code(() => checkMother({ dateOfBirth: '1990-01-01', sex: 'male' }, '2026-01-01'))).toBe('mother-not-female');
  });

  it('accepts a father who died during the pregnancy, not long before', () => {
    expect(
      code(() =>
        checkFather({ dateOfBirth: '1990-01-01', status: 'deceased', dateOfDeath: '2025-06-01' }, '2026-01-01'),
      ),
    ).toBe('ok');
    expect(
      code(() =>
        checkFather({ dateOfBirth: '1990-01-01', status: 'deceased', dateOfDeath: '2024-06-01' }, '2026-01-01'),
      ),
    ).toBe('father-deceased');
  });

  it("takes the child's father and grandfather names from the father", () => {
    const child = {
      givenName: 'زينب',
      sex: 'female' as const,
      dateOfBirth: '2026-01-01',
      placeOfBirth: { governorate: 'IQ-BG' },
    };
    expect(
      completeChildName(
        child,
        { givenName: 'أحمد', fatherName: 'محمود', grandfatherName: 'كريم', familyName: 'التميمي' },
        true,
      ),
    ).toMatchObject({
      fatherName: 'أحمد',
      grandfatherName: 'محمود',
      familyName: 'التميمي',
    });
    expect(code(() => completeChildName(child, undefined, false))).toBe('child-name-incomplete');
    // The same name with or without hamza is not a contradiction.
    expect(
      code(() =>
        completeChildName(
          { ...child, fatherName: 'احمد' },
          { givenName: 'أحمد', fatherName: 'محمود', grandfatherName: 'كريم' },
          true,
        ),
      ),
    ).toBe('ok');
  });
});
