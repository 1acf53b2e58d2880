import { describe, expect, it } from 'vitest';
import { ar } from '../src/i18n/ar';
import { ckb } from '../src/i18n/ckb';
import { en } from '../src/i18n/en';

type Tree = { [k: string]: string | Tree };
/** Every key of a catalogue as a dotted path, with its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

const CATALOGUES = { ar, ckb, en } as Record<string, Tree>;
const english = leaves(en);

describe('the message catalogues', () => {
  for (const [code, catalogue] of Object.entries(CATALOGUES)) {
    const texts = leaves(catalogue);
    it(`${code} has every key of the others, and no other, each with text`, () => {
      expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of texts) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    });
    it(`${code} fills in the same values as English`, () => {
      for (const [key, text] of texts)
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english.get(key)!),
        });
    });
  }

  it('Arabic and Kurdish are written in Arabic script, and Kurdish is Sorani, not Arabic', () => {
    const arabicScript = /\p{Script=Arabic}/u;
    for (const c of [ar, ckb] as Tree[])
      for (const [key, text] of leaves(c)) {
        const words = text.replace(/{{\w+}}|PDF/g, '');
        if (/\p{L}/u.test(words)) expect({ key, arabic: arabicScript.test(words) }).toEqual({ key, arabic: true });
      }
    // Sorani's own letters (ە ێ ۆ ڕ ڵ ی ک) appear throughout the Kurdish catalogue, and never in the Arabic one.
    const sorani = /[ەێۆڕڵ]/u;
    const kurdish = [...leaves(ckb).values()];
    expect(kurdish.filter((s) => sorani.test(s)).length / kurdish.length).toBeGreaterThan(0.6);
    expect([...leaves(ar as Tree).values()].filter((s) => sorani.test(s))).toEqual([]);
  });

  it('keeps the English names that tests from outside rely on', () => {
    expect(en.signIn).toMatchObject({ username: 'Username', password: 'Password', submit: 'Sign in' });
    expect(en.birth).toMatchObject({
      givenName: 'Given name',
      fatherName: "Father's name",
      grandfatherName: "Grandfather's name",
      familyName: 'Family name',
      sex: 'Sex',
      dateOfBirth: 'Date of birth',
      governorate: 'Governorate',
      motherNin: "Mother's NIN",
      fatherNin: "Father's NIN",
      submit: 'Submit declaration',
    });
    expect(en.nav).toMatchObject({
      workQueues: 'Work queues',
      searchPeople: 'Search people',
      myRecords: 'My records',
      whoReadMyData: 'Who read my data',
      declareBirth: 'Declare a birth',
      signOut: 'Sign out',
    });
    expect(en.record).toMatchObject({ register: 'Register', reject: 'Reject' });
    expect(en.certificate).toMatchObject({ issue: 'Issue certificate', download: 'Download PDF' });
    expect([en.search.q, en.language.label]).toEqual(['Search', 'Language']);
  });
});
