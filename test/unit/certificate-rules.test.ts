import { factsForToken, secondsToNextUtcDay, utcDay } from '../../src/modules/certificates/rules';

describe('certificate rules', () => {
  const name = { givenName: 'زينب', fatherName: 'علي', grandfatherName: 'حسن' };
  const birth = {
    child: { nin: '100000000001', name, sex: 'female' },
    mother: { nin: '100000000002', name },
    father: { nin: '100000000003' },
  };

  it('a token keeps the subject’s NIN and the others’ names, not their NINs; a person left empty goes', () => {
    expect(factsForToken(birth, ['100000000001'], false)).toEqual({ child: birth.child, mother: { name } });
    expect(factsForToken(birth, ['100000000001'], true)).toEqual(birth);
    const divorce = {
      parties: [
        { nin: 'a', name },
        { nin: 'b', name },
      ],
      dateOfDivorce: '2025-01-10',
    };
    expect(factsForToken(divorce, ['a', 'b'], false)).toEqual(divorce);
  });

  it('a citizen’s day is the UTC day, and the wait runs to the next UTC midnight', () => {
    const lateEvening = new Date('2026-03-14T23:59:30Z');
    expect(utcDay(lateEvening)).toBe('2026-03-14');
    expect(secondsToNextUtcDay(lateEvening)).toBe(30);
    expect(secondsToNextUtcDay(new Date('2026-03-14T00:00:00Z'))).toBe(86_400);
    expect(secondsToNextUtcDay(new Date('2026-12-31T23:59:59.900Z'))).toBe(1);
  });
});
