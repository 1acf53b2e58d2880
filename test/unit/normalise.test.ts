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

  it('splits names into unique tokens on spaces, hyphens and apostrophes', () => {
    expect(nameTokens('عبد الله', 'Al-Obaidi', "Ja'far", undefined, 'عبد')).toEqual([
      'عبد',
      'الله',
      'al',
      'obaidi',
      'ja',
      'far',
    ]);
  });
});
