/**
 * A Latin form proposed for a name written in Arabic script, for an officer to confirm or correct.
 *
 * Iraq publishes no romanization table for its passports that we could find (ICAO Doc 9303 Part 3
 * leaves the visual zone's transcription to the issuing State, and its own Arabic table is an
 * MRZ-only transliteration with X-escapes, XH for ح, unreadable on a certificate). So the letters
 * follow the UNGEGN romanization of Arabic (UN resolution XI/3, 2017, the "Unified Arabic
 * Transliteration System", https://www.eki.ee/wgrs/rom1_ar.pdf) with its diacritics dropped, as a
 * passport's A-Z writes them: ح h, ص s, ض d, ط t, ظ z, خ kh, ذ dh, ث th, ش sh, غ gh, ق q, ع and ء
 * as an apostrophe inside a word and nothing at its start; the article al- (no assimilation, as
 * UNGEGN writes it) and ة as -ah. So محمد is Muhammad (not Mohammed), علي Ali, فاطمة Fatimah,
 * عبد الله Abd Allah.
 *
 * Kurdish (Sorani) letters take the values of the Kurdish Latin alphabet (Hawar), made A-Z the way
 * Iraqi and Kurdistan Region documents write them: ڕ r, ڵ l, ۆ o, ێ e (ê), ە a (Hewlêr, Hawler),
 * پ p, چ ch (ç), ژ zh (j), ڤ v, گ g, ی i or y, وو u. Sorani writes every vowel but i, so
 * ڕێبوار is Rebwar, شیلان Shilan, هەڵۆ Halo.
 *
 * Arabic writes no short vowels. Harakat, where a name has them, give them; else a name of the
 * lexicon below gives its vowels (the vocalized form, romanized by the same letter rules); else a
 * consonant followed by another gets an "a" (Arabic's commonest vowel): a guess, shown as a proposal.
 */

const FATHA = '\u064e';
const DAMMA = '\u064f';
const KASRA = '\u0650';
const SHADDA = '\u0651';

/** Consonant values (UNGEGN 2017, diacritics dropped; Kurdish letters by the Hawar alphabet made A-Z). */
const CONSONANTS: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: "'",
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ھ: 'h',
  ء: "'",
  أ: "'",
  إ: "'",
  ؤ: "'",
  ئ: "'",
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  ڤ: 'v',
  گ: 'g',
  ڕ: 'r',
  ڵ: 'l',
};

/** Letters that are always vowels (Kurdish writes its vowels), and alef as a long a. */
const VOWELS: Record<string, string> = { ا: 'a', آ: 'a', ى: 'a', ە: 'a', ێ: 'e', ۆ: 'o' };
/** Letters that are a vowel after a consonant and a consonant beside a vowel. */
const SEMIVOWELS: Record<string, { vowel: string; consonant: string }> = {
  و: { vowel: 'u', consonant: 'w' },
  ي: { vowel: 'i', consonant: 'y' },
  ی: { vowel: 'i', consonant: 'y' },
};

/**
 * Common Iraqi names that the letter rules cannot vowel: each in its vocalized Arabic form (what
 * the name is), which the same rules then romanize. Keys are folded as `lexiconKey` folds them.
 */
const LEXICON: Record<string, string> = {
  محمد: 'مُحَمَّد',
  احمد: 'أَحْمَد',
  محمود: 'مَحْمُود',
  علي: 'عَلِي',
  حسن: 'حَسَن',
  حسين: 'حُسَيْن',
  فاطمه: 'فاطِمَة',
  زينب: 'زَيْنَب',
  مريم: 'مَرْيَم',
  عمر: 'عُمَر',
  جعفر: 'جَعْفَر',
  كاظم: 'كاظِم',
  كريم: 'كَرِيم',
  سالم: 'سالِم',
  مصطفي: 'مُصْطَفَى',
  ابراهيم: 'إِبْراهِيم',
  يوسف: 'يُوسُف',
  نور: 'نُور',
  هدي: 'هُدَى',
  عباس: 'عَبّاس',
  صالح: 'صالِح',
  خالد: 'خالِد',
  عبد: 'عَبْد',
  رحمن: 'رَحْمٰن',
  جاسم: 'جاسِم',
  رشيد: 'رَشِيد',
  سعد: 'سَعْد',
  جبوري: 'جُبُّورِي',
  تميمي: 'تَمِيمِي',
  ربيعي: 'رُبَيْعِي',
  موسوي: 'مُوسَوِي',
  دليمي: 'دُلَيْمِي',
  عبيدي: 'عُبَيْدِي',
  الله: 'اللّٰه',
};

const ARTICLE = /^ال(?=..)/u;

/** A word as the lexicon files it: without harakat, alef and hamza forms, ta marbuta and alef maqsura folded. */
function lexiconKey(word: string): string {
  return word
    .replace(/[\u064b-\u065f\u0670]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
}

const isConsonant = (c: string | undefined) => c !== undefined && c in CONSONANTS;
const isMark = (c: string | undefined) => c !== undefined && /[\u064b-\u065f\u0670]/.test(c);

/** One word (no article) by the letter rules: harakat give short vowels; unvowelled clusters get an "a". */
function romanizeLetters(word: string, kurdish: boolean): string {
  // NFC puts a haraka before the shadda on its letter (by combining class): the doubling comes first.
  const chars = [...word.normalize('NFC').replace(/([\u064b-\u0650])\u0651/gu, '\u0651$1')];
  const vowelled = chars.some(isMark);
  let out = '';
  let lastConsonant = '';
  const endsInVowel = () => out === '' || /[aeiou]$/.test(out);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const next = chars[i + 1];
    const prev = out.at(-1);
    if (c === SHADDA) out += lastConsonant;
    else if (c === FATHA) out += 'a';
    else if (c === DAMMA) out += 'u';
    else if (c === KASRA) out += 'i';
    else if (c === '\u0670') out += prev === 'a' ? '' : 'a';
    else if (isMark(c)) continue;
    else if (c === 'ة') out += prev === 'a' ? 'h' : 'ah';
    else if (c in VOWELS) out += VOWELS[c] === prev ? '' : (VOWELS[c] as string);
    else if (c in SEMIVOWELS) {
      const { vowel, consonant } = SEMIVOWELS[c] as { vowel: string; consonant: string };
      const vowelNext = next !== undefined && (next in VOWELS || [FATHA, DAMMA, KASRA, SHADDA].includes(next));
      if (c === 'و' && next === 'و') {
        out += 'u';
        i++;
      } else if (prev === vowel && !vowelNext) continue;
      else if (kurdish && c !== 'و' && !endsInVowel() && vowelNext) {
        // Kurdish ی between a consonant and a vowel is iy (ژیان Jiyan, Zhiyan): its i is not written.
        out += 'iy';
        lastConsonant = consonant;
      } else if (endsInVowel() || vowelNext) {
        out += consonant;
        lastConsonant = consonant;
      } else out += vowel;
    } else if (isConsonant(c)) {
      const value = CONSONANTS[c] as string;
      out += out === '' && value === "'" ? '' : value;
      lastConsonant = value;
      // No vowel written after this consonant and another consonant next: Arabic's commonest vowel,
      // a; in Kurdish, which writes every vowel but i, an i between the first two (دڵشاد Dilshad).
      if (!vowelled && isConsonant(next) && value !== "'" && (!kurdish || i === 0)) out += kurdish ? 'i' : 'a';
    }
  }
  return out;
}

/** A word with its article, vowels from the lexicon when the word has none of its own. */
function romanizeWord(word: string, kurdish: boolean): string {
  if (lexiconKey(word) === 'الله') return 'Allah';
  const article = ARTICLE.test(word);
  const stem = article ? word.replace(ARTICLE, '') : word;
  const known = [...stem].some(isMark) ? undefined : LEXICON[lexiconKey(stem)];
  const latin = capitalize(romanizeLetters(known ?? stem, kurdish));
  return article ? `Al-${latin}` : latin;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Kurdish spelling: a letter Arabic does not have (ە ێ ۆ ڕ ڵ ڤ پ چ ژ گ, Persian yeh and kaf). */
const KURDISH = /[\u06d5\u06ce\u06c6\u0695\u06b5\u06a4\u067e\u0686\u0698\u06af\u06cc\u06a9]/u;

/**
 * One name part romanized: each word by the rules above, عبد joined to a following article
 * (عبدالرحمن, عبد الرحمن: Abd al-Rahman), the article lower-case inside a compound.
 */
export function romanizeNamePart(text: string): string {
  const words = text
    .trim()
    .replace(/^عبد(?=ال)/u, 'عبد ')
    .split(/[\s\u200c]+/u)
    .filter((w) => w.length > 0);
  const kurdish = KURDISH.test(text);
  return words
    .map((w, i) => {
      const latin = romanizeWord(w, kurdish);
      return i > 0 && latin.startsWith('Al-') ? `al-${latin.slice(3)}` : latin;
    })
    .join(' ');
}

/** The Latin form proposed for a name without one: each part romanized. */
export function proposeLatinName(name: {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName?: string;
}) {
  return {
    givenName: romanizeNamePart(name.givenName),
    fatherName: romanizeNamePart(name.fatherName),
    grandfatherName: romanizeNamePart(name.grandfatherName),
    ...(name.familyName ? { familyName: romanizeNamePart(name.familyName) } : {}),
  };
}
