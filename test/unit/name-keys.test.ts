import { matchRank, nameKeysOf, tokenPartsOf } from '../../src/modules/persons/name-keys';

const name = {
  givenName: 'عبد الله',
  fatherName: 'أحمد',
  grandfatherName: 'محمود',
  familyName: 'التميمي',
  latin: { givenName: 'Abdullah', fatherName: 'Ahmed', grandfatherName: 'Mahmoud', familyName: 'Al-Tamimi' },
};

describe('name keys', () => {
  it('file a name under the shapes it is said in, folded, in each script', () => {
    expect(nameKeysOf(name).map((k) => k.key)).toEqual([
      'عبد الله احمد',
      'عبد الله التميمي',
      'عبد الله احمد محمود',
      'عبد الله احمد التميمي',
      'عبد الله احمد محمود التميمي',
      'abdullah ahmed',
      'abdullah tamimi',
      'abdullah ahmed mahmoud',
      'abdullah ahmed tamimi',
      'abdullah ahmed mahmoud tamimi',
    ]);
    expect(nameKeysOf(name)[0]!.n).toBe('عبد الله احمد محمود التميمي');
    expect(nameKeysOf(name).at(-1)!.n).toBe('abdullah ahmed mahmoud tamimi');
  });

  it('leave out the shapes a name without a family name lacks, and say a key once', () => {
    const short = { givenName: 'علي', fatherName: 'علي', grandfatherName: 'علي' };
    expect(nameKeysOf(short).map((k) => k.key)).toEqual(['علي علي', 'علي علي علي']);
  });

  it('know the part each token is first in', () => {
    const at = tokenPartsOf(name);
    expect([at.get('عبد'), at.get('الله'), at.get('محمود'), at.get('tamimi'), at.get('al')]).toEqual([
      0,
      0,
      2,
      3,
      undefined,
    ]);
  });

  it('rank an exact match above any other, then by the tokens in place', () => {
    const n = ['زينب', 'احمد', 'محمود'];
    expect(matchRank(['زينب', 'احمد', 'محمود'], n)).toBeGreaterThan(
      matchRank(['زينب', 'احمد', 'محمود'], [...n, 'التميمي']),
    );
    expect(matchRank(['زينب', 'احمد'], n)).toBe(2);
    expect(matchRank(['زينب', 'محمود'], n)).toBe(1);
    expect(matchRank(['احمد', 'زينب'], n)).toBe(0);
  });
});
