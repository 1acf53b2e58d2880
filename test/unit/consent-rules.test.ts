import { ageOn, consentersOf, consentStands } from '../../src/modules/consents/rules';

const consent = { clientId: 'cl_moe', purpose: 'School enrolment', expiresAt: '2027-01-01T00:00:00.000Z' };
const day = new Date('2026-12-03T10:00:00Z');

describe('consent rules', () => {
  it('a consent stands for its client and purpose (case and spaces aside) until it expires or is withdrawn', () => {
    expect(consentStands(consent, 'cl_moe', 'school  enrolment ', day)).toBe(true);
    expect(consentStands(consent, 'cl_moh', 'school enrolment', day)).toBe(false);
    expect(consentStands(consent, 'cl_moe', 'scholarship', day)).toBe(false);
    expect(consentStands(consent, 'cl_moe', 'school enrolment', new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(consentStands({ ...consent, withdrawnAt: '2026-12-01T00:00:00Z' }, 'cl_moe', 'school enrolment', day)).toBe(
      false,
    );
  });

  it('counts age in whole years, the day of the birthday included', () => {
    expect(ageOn('2008-12-03', day)).toBe(18);
    expect(ageOn('2008-12-04', day)).toBe(17);
    expect(ageOn('2000-02-29', new Date('2026-02-28T00:00:00Z'))).toBe(25);
  });

  it("a minor's birth is the child's or a parent's to consent to; an adult's, the child's alone; a marriage, either party's", () => {
    const birth = { kind: 'birth', personNins: ['child', 'mother', 'father'], subjectNin: 'child' };
    expect(consentersOf(birth, ['mother', 'father'], true).sort()).toEqual(['child', 'father', 'mother']);
    expect(consentersOf(birth, ['mother', 'father'], false)).toEqual(['child']);
    expect(consentersOf({ kind: 'marriage', personNins: ['a', 'b'] }, [], false)).toEqual(['a', 'b']);
  });
});
