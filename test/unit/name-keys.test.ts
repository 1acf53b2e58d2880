import { keyPrefixesOf, matchRank, nameKeysOf, tokenPartsOf } from '../../src/modules/persons/name-keys';

const name = {
  givenName: 'عبد الله',
  fatherName: 'أحمد',
  grandfatherName: 'محمود',
  familyName: 'التميمي',
  latin: { givenName: 'Abdullah', fatherName: 'Ahmed', grandfatherName: 'Mahmoud', familyName: 'Al-Tamimi' },
};

describe('name keys', () => {
  it('file a name as it is said and with the family name second, folded, in each script, each token ending in a space', () => {
    const said = 'عبد الله احمد محمود التميمي ';
    expect(nameKeysOf(name)).toEqual([
      { key: said },
      { key: '\u0001عبد الله التميمي احمد محمود ', said },
      { key: 'abdullah ahmed mahmoud tamimi ' },
      { key: '\u0001abdullah tamimi ahmed mahmoud ', said: 'abdullah ahmed mahmoud tamimi ' },
    ]);
  });

  it('say a key once: a name without a family name has one order', () => {
    const short = { givenName: 'علي', fatherName: 'علي', grandfatherName: 'علي' };
    expect(nameKeysOf(short)).toEqual([{ key: 'علي علي علي ' }]);
  });

  it('read a query as the beginning of a name, and as given, father and family name', () => {
    expect(keyPrefixesOf(['زينب', 'احمد'])).toEqual(['زينب احمد ', '\u0001زينب احمد ']);
    expect(keyPrefixesOf(['زينب', 'احمد', 'التميمي'])).toEqual([
      'زينب احمد التميمي ',
      '\u0001زينب احمد التميمي ',
      '\u0001زينب التميمي احمد ',
    ]);
    // Four tokens: a two-token family name, a two-token father's name, or a two-token given name.
    expect(keyPrefixesOf(['a', 'b', 'c', 'd'])).toEqual([
      'a b c d ',
      '\u0001a b c d ',
      '\u0001a c d b ',
      '\u0001a d b c ',
      '\u0001a b d c ',
    ]);
    // Every prefix a key of the name begins with, for each way the name is said.
    const keys = nameKeysOf(name).map((k) => k.key);
    for (const q of [
      'عبد الله احمد',
      'عبد الله التميمي',
      'عبد الله احمد محمود',
      'عبد الله احمد التميمي',
      'abdullah tamimi',
    ])
      expect(keyPrefixesOf(q.split(' ')).some((p) => keys.some((k) => k.startsWith(p)))).toBe(true);
    // Not a token's beginning, nor the father's name first, nor given, grandfather and father.
    for (const q of ['عبد ال', 'احمد محمود', 'abdullah ahmed tam', 'عبد الله محمود احمد'])
      expect(keyPrefixesOf(q.split(' ')).some((p) => keys.some((k) => k.startsWith(p)))).toBe(false);
    // Long queries are read as typed only.
    expect(keyPrefixesOf('a b c d e f g'.split(' '))).toHaveLength(2);
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
