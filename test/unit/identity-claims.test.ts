import { batchBody, verificationItem } from '../../src/modules/identity/schemas';
import { compareIdentity } from '../../src/modules/identity/verification';
import { randomNin } from '../../src/modules/common/nin';

const person = {
  _id: '100000000004',
  name: {
    givenName: 'علي',
    fatherName: 'حسن',
    grandfatherName: 'كاظم',
    latin: { givenName: 'Ali', fatherName: 'Hassan', grandfatherName: 'Kadhim' },
  },
  dateOfBirth: '1990-09-17',
  sex: 'male' as const,
  status: 'deceased' as const,
};

describe('identity claims', () => {
  it('a claim names at least one name part or the date of birth; sex alone is no claim', () => {
    expect(verificationItem.safeParse({ nin: person._id }).success).toBe(false);
    expect(verificationItem.safeParse({ nin: person._id, sex: 'male' }).success).toBe(false);
    expect(verificationItem.safeParse({ nin: person._id, familyName: 'Al-Tamimi' }).success).toBe(true);
  });

  it('alive is answered on a full match only, and a mismatch of a known person reads like an unknown NIN', () => {
    expect(compareIdentity(person, { nin: person._id, givenName: 'Ali', dateOfBirth: '1990-09-17' })).toEqual({
      match: true,
      fields: { givenName: true, dateOfBirth: true },
      alive: false,
    });
    const wrong = compareIdentity(person, { nin: person._id, dateOfBirth: '1990-09-18' });
    expect(wrong).toEqual({ match: false, fields: { dateOfBirth: false }, alive: null });
    expect(compareIdentity(null, { nin: person._id, dateOfBirth: '1990-09-18' })).toEqual(wrong);
  });

  it('a batch asks about each NIN once, the repeats named by index', () => {
    const parsed = batchBody.safeParse({
      items: [
        { nin: person._id, givenName: 'Ali' },
        { nin: randomNin(), givenName: 'Ali' },
        { nin: person._id, dateOfBirth: '1990-09-17' },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['items.2.nin']);
  });
});
