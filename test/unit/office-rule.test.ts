import { Problem } from '../../src/http/problem';
import { OFFICE_BOUND, actsFor, allows, policy, requireOffice, type Permission } from '../../src/http/policy';

const refusal = (fn: () => void) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof Problem ? { status: e.status, code: e.extra.code, detail: e.message } : String(e);
  }
};

describe('the office rule', () => {
  it("lets staff act on their own office's records only", () => {
    expect(actsFor({ role: 'registrar', office: 'BGD' }, 'BGD')).toBe(true);
    expect(actsFor({ role: 'registrar', office: 'BSR' }, 'BGD')).toBe(false);
    expect(actsFor({ role: 'officer', office: 'BSR' }, 'BGD')).toBe(false);
    // An account without an office is staff of none (never of an office named "undefined").
    expect(actsFor({ role: 'registrar' }, 'BGD')).toBe(false);
  });

  it('lets a national registrar act on every office', () => {
    for (const office of ['BGD', 'BSR', 'ERB', 'RCE'])
      expect(actsFor({ role: 'national-registrar', office: 'BGD' }, office)).toBe(true);
    expect(actsFor({ role: 'national-registrar' }, 'SUL')).toBe(true);
  });

  it('refuses another office with 403 other-office, naming the office the record belongs to', () => {
    expect(refusal(() => requireOffice({ role: 'registrar', office: 'BGD' }, 'BGD'))).toBeUndefined();
    expect(refusal(() => requireOffice({ role: 'registrar', office: 'BSR' }, 'BGD'))).toEqual({
      status: 403,
      code: 'other-office',
      detail: expect.stringMatching(/belongs to office BGD; you are staff of BSR/),
    });
    expect(refusal(() => requireOffice({ role: 'registrar' }, 'NJF'))).toMatchObject({
      code: 'other-office',
      detail: expect.stringMatching(/office NJF/),
    });
  });
});

describe('the national-registrar role', () => {
  const permissions = Object.keys(policy) as Permission[];

  it('has every permission a registrar has, and those only (besides acting for every office)', () => {
    for (const p of permissions) {
      expect({ p, national: allows(p, { role: 'national-registrar' }) }).toEqual({
        p,
        national: allows(p, { role: 'registrar' }),
      });
    }
  });

  it('the office-bound actions are the record actions of API.md, open to registrars of both kinds', () => {
    // Attaching a document is the record's office's too (issue 17: "officers and registrars of the record's office").
    expect([...OFFICE_BOUND].sort()).toEqual([
      'certificates.revoke',
      'documents.attach',
      'records.correct',
      'records.register',
      'records.reject',
      'records.review-duplicates',
      'records.void',
    ]);
    for (const p of OFFICE_BOUND)
      expect([allows(p, { role: 'registrar' }), allows(p, { role: 'national-registrar' })]).toEqual([true, true]);
  });
});
