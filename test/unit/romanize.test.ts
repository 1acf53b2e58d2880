import { proposeLatinName, romanizeNamePart } from '../../src/modules/persons/romanize';
import { LATIN_NAME_PATTERN } from '../../src/modules/common/schemas';
import { latinNameKey } from '../../src/modules/persons/normalise';

/** The romanization's rules (romanize.ts: UNGEGN 2017 letters made A-Z; Kurdish by the Hawar alphabet). */
describe('romanization of names', () => {
  it.each([
    ['محمد', 'Muhammad'],
    ['علي', 'Ali'],
    ['فاطمة', 'Fatimah'],
    ['حسين', 'Husayn'],
    ['أحمد', 'Ahmad'],
    ['إبراهيم', 'Ibrahim'],
    ['مصطفى', 'Mustafa'],
    ['كاظم', 'Kazim'],
  ])('Arabic: common Iraqi names take their vowels from the lexicon (%s -> %s)', (arabic, latin) => {
    expect(romanizeNamePart(arabic)).toBe(latin);
  });

  it('writes عبد with a following article or Allah as two words, joined or not', () => {
    expect(romanizeNamePart('عبد الله')).toBe('Abd Allah');
    expect(romanizeNamePart('عبدالله')).toBe('Abd Allah');
    expect(romanizeNamePart('عبد الرحمن')).toBe('Abd al-Rahman');
    expect(romanizeNamePart('عبدالرحمن')).toBe('Abd al-Rahman');
  });

  it('writes the article al- without assimilation, capitalised at the start', () => {
    expect(romanizeNamePart('التميمي')).toBe('Al-Tamimi');
    expect(romanizeNamePart('الجبوري')).toBe('Al-Jubburi');
  });

  it('ayn and hamza: nothing at the start of a word, an apostrophe inside it', () => {
    expect(romanizeNamePart('سعد')).toBe("Sa'd");
    expect(romanizeNamePart('الساعدي')).toBe("Al-Sa'di");
  });

  it('harakat given in the name are read: shadda doubles, fatha kasra damma are a i u', () => {
    expect(romanizeNamePart('عَبّاس')).toBe('Abbas');
    expect(romanizeNamePart('جَمِيل')).toBe('Jamil');
  });

  it('an unknown unvowelled Arabic name gets an a between consonants: a proposal to check', () => {
    expect(romanizeNamePart('سلمان')).toBe('Salaman');
  });

  it.each([
    ['ڕێبوار', 'Rebwar'],
    ['شیلان', 'Shilan'],
    ['هەڵۆ', 'Halo'],
    ['سۆران', 'Soran'],
    ['ژیان', 'Zhiyan'],
    ['ڤیان', 'Viyan'],
    ['چنار', 'Chinar'],
    ['دڵشاد', 'Dilshad'],
    ['گوڵاڵە', 'Gulala'],
    ['پەری', 'Pari'],
  ])('Kurdish: its letters and written vowels (%s -> %s)', (kurdish, latin) => {
    expect(romanizeNamePart(kurdish)).toBe(latin);
  });

  it('proposes every part of a name, each a valid Latin name part that identity verification folds like a typed one', () => {
    const proposal = proposeLatinName({
      givenName: 'محمد',
      fatherName: 'علي',
      grandfatherName: 'حسين',
      familyName: 'الموسوي',
    });
    expect(proposal).toEqual({
      givenName: 'Muhammad',
      fatherName: 'Ali',
      grandfatherName: 'Husayn',
      familyName: 'Al-Musawi',
    });
    for (const part of Object.values(proposal)) expect(LATIN_NAME_PATTERN.test(part)).toBe(true);
    // The passport's spellings and the proposal's are one name to the identity keys.
    expect(latinNameKey(proposal.givenName)).toBe(latinNameKey('Mohammed'));
    expect(latinNameKey(proposal.grandfatherName)).toBe(latinNameKey('Hussein'));
    expect(latinNameKey(proposal.familyName ?? '', true)).toBe(latinNameKey('Al-Mousawi', true));
  });
});
