import { nameTokens, normaliseName } from '../../src/modules/persons/normalise';

describe('name normalisation', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['مُحَمَّد', 'محمد'],
    ['عـــلي', 'علي'],
    ['مصطفى', 'مصطفي'],
    ['فاطمة', 'فاطمه'],
    ['مؤمن', 'مومن'],
    ['هائل', 'هايل'],
    ['کاظم', 'كاظم'],
    ['Amīra', 'amira'],
    ['ÖZTÜRK', 'ozturk'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('splits names into unique tokens on spaces, hyphens and apostrophes, the Latin article left out', () => {
    expect(nameTokens('عبد الله', 'Al-Obaidi', "Ja'far", undefined, 'عبد')).toEqual([
      'عبد',
      'الله',
      'obaidi',
      'ja',
      'far',
    ]);
    // Al-Obaidi, el Obaidi and Obaidi are one name to search for; the Arabic article is part of its word.
    expect(nameTokens('el Obaidi')).toEqual(nameTokens('Obaidi'));
    expect(nameTokens('العبيدي')).toEqual(['العبيدي']);
  });
});
