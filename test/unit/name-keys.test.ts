import {
  familyFirstPrefixesOf,
  keyPrefixesOf,
  matchRank,
  nameFieldsOf,
  rowRank,
  tokensOf,
} from '../../src/modules/persons/name-keys';

const name = {
  givenName: 'عبد الله',
  fatherName: 'أحمد',
  grandfatherName: 'محمود',
  familyName: 'التميمي',
  latin: { givenName: 'Abdullah', fatherName: 'Ahmed', grandfatherName: 'Mahmoud', familyName: 'Al-Tamimi' },
};

/** Whether a query finds the name by its keys' beginnings, as the search asks for them. */
const foundByKeys = (query: string) => {
  const fields = nameFieldsOf(name);
  const { said, familySecond } = keyPrefixesOf(query.split(' '));
  return (
    said.some((p) => [fields.k0, fields.k2].some((k) => k?.startsWith(p))) ||
    familySecond.some((p) => [fields.k1, fields.k3].some((k) => k?.startsWith(p)))
  );
};

describe('name index', () => {
  it('files a name as it is said and with the family name second, folded, in each script, each token ending in a space, and its tokens', () => {
    expect(nameFieldsOf(name)).toEqual({
      k0: 'عبد الله احمد محمود التميمي ',
      k1: 'عبد الله التميمي احمد محمود ',
      k2: 'abdullah ahmed mahmoud tamimi ',
      k3: 'abdullah tamimi ahmed mahmoud ',
      t0: 'عبد',
      t1: 'الله',
      t2: 'احمد',
      t3: 'محمود',
      t4: 'التميمي',
      t5: 'abdullah',
      t6: 'ahmed',
      t7: 'mahmoud',
      t8: 'tamimi',
    });
    expect(tokensOf(nameFieldsOf(name))).toHaveLength(9);
  });

  it('files one order for a name without a family name, and a token once', () => {
    const short = { givenName: 'علي', fatherName: 'علي', grandfatherName: 'علي' };
    expect(nameFieldsOf(short)).toEqual({ k0: 'علي علي علي ', t0: 'علي' });
  });

  it('reads a query as the beginning of a name, and as given, father and family name', () => {
    expect(keyPrefixesOf(['زينب', 'احمد'])).toEqual({ said: ['زينب احمد '], familySecond: ['زينب احمد '] });
    expect(keyPrefixesOf(['زينب', 'احمد', 'التميمي']).familySecond).toEqual([
      'زينب احمد التميمي ',
      'زينب التميمي احمد ',
    ]);
    // Four tokens: a two-token family name, a two-token father's name, or a two-token given name.
    expect(keyPrefixesOf(['a', 'b', 'c', 'd']).familySecond).toEqual(['a b c d ', 'a c d b ', 'a d b c ', 'a b d c ']);
    for (const q of [
      'عبد الله احمد',
      'عبد الله التميمي',
      'عبد الله احمد محمود',
      'عبد الله احمد التميمي',
      'abdullah tamimi',
      'abdullah tamimi ahmed',
      'عبد',
    ])
      expect([q, foundByKeys(q)]).toEqual([q, true]);
    // Not a token's beginning, nor the father's name first, nor given, grandfather and father.
    for (const q of ['عبد ال', 'احمد محمود', 'abdullah ahmed tam', 'عبد الله محمود احمد'])
      expect([q, foundByKeys(q)]).toEqual([q, false]);
    // Long queries are read as typed only.
    expect(keyPrefixesOf('a b c d e f g'.split(' ')).familySecond).toHaveLength(1);
  });

  it('reads a query with the family name first as given, family and father, parts of one or two tokens', () => {
    expect(familyFirstPrefixesOf(['التميمي', 'زينب'])).toEqual(['زينب التميمي ']);
    // Family, given, father; family, a given name of two tokens; a family name of two tokens, given.
    expect(familyFirstPrefixesOf(['a', 'b', 'c'])).toEqual(['b a c ', 'b c a ', 'c a b ']);
    expect(familyFirstPrefixesOf(['a'])).toEqual([]);
    expect(familyFirstPrefixesOf('a b c d e f g'.split(' '))).toEqual([]);
    const fields = nameFieldsOf(name);
    const foundFamilyFirst = (q: string) =>
      familyFirstPrefixesOf(q.split(' ')).some((p) => [fields.k1, fields.k3].some((k) => k?.startsWith(p)));
    for (const q of ['التميمي عبد الله', 'التميمي عبد الله احمد', 'tamimi abdullah', 'tamimi abdullah ahmed mahmoud'])
      expect([q, foundFamilyFirst(q)]).toEqual([q, true]);
    for (const q of ['احمد عبد الله', 'التميمي احمد', 'tamimi mahmoud abdullah'])
      expect([q, foundFamilyFirst(q)]).toEqual([q, false]);
  });

  it('ranks an exact match above any other, then by the tokens in place, in the better script', () => {
    const n = ['زينب', 'احمد', 'محمود'];
    expect(matchRank(['زينب', 'احمد', 'محمود'], n)).toBeGreaterThan(
      matchRank(['زينب', 'احمد', 'محمود'], [...n, 'التميمي']),
    );
    expect(matchRank(['زينب', 'احمد'], n)).toBe(2);
    expect(matchRank(['زينب', 'محمود'], n)).toBe(1);
    expect(matchRank(['احمد', 'زينب'], n)).toBe(0);
    expect(rowRank(['abdullah', 'ahmed'], nameFieldsOf(name))).toBe(2);
    expect(rowRank(['abdullah', 'ahmed', 'mahmoud', 'tamimi'], nameFieldsOf(name))).toBe(1004);
  });
});
