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
    // As matchRank ranks a query of the key against the whole name: the parts in place, the whole name above all.
    const sequence = ['عبد', 'الله', 'احمد', 'محمود', 'التميمي'];
    for (const { key, rank } of nameKeysOf(name).slice(0, 5)) expect(rank).toBe(matchRank(key.split(' '), sequence));
    expect(nameKeysOf(name).map((k) => k.rank)).toEqual([3, 2, 4, 3, 1005, 2, 1, 3, 2, 1004]);
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
