/**
 * Name normalisation for search. Arabic: diacritics and tatweel dropped; alef forms (أ إ آ ٱ) to ا;
 * hamza seats ؤ to و and ئ to ي; ta marbuta ة to ه; alef maqsura ى to ي; Persian kaf and yeh to
 * Arabic ones; Kurdish ە and ھ to ه (a Kurdish spelling writes فاطمة as فاطمە: search finds one
 * from the other; tokens stored before this fold need `npm run projections:rebuild`). Latin:
 * accents dropped, lower case, the article al/el left out. Tokens split on spaces, hyphens and apostrophes.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064a')
    .replace(/[\u0629\u06d5\u06be]/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u06a9/g, '\u0643')
    .replace(/\u06cc/g, '\u064a')
    .toLowerCase();
}

/** Latin articles (al-Tamimi, el Tamimi): said or not, written or not, so neither filed nor searched for. */
const LATIN_ARTICLES = new Set(['al', 'el']);

/** The folded tokens of a text, in order: the normalisation above, split on spaces, hyphens and apostrophes. */
export function foldedTokens(text: string | undefined): string[] {
  if (!text) return [];
  return normaliseName(text)
    .split(/[\s\-'’ʿʾ.]+/u)
    .filter((t) => t.length > 0 && !LATIN_ARTICLES.has(t));
}

/** The distinct folded tokens of a name's parts. */
export function nameTokens(...parts: (string | undefined)[]): string[] {
  return [...new Set(parts.flatMap(foldedTokens))];
}

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII digits. */
export const asciiDigits = (text: string) =>
  text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));

/**
 * An Arabic-script name part as identity verification compares it: the search normalisation,
 * Kurdish and Persian letter forms folded onto the Arabic ones (ی ک ە ھ گ پ چ ژ ڤ ۆ ې ڕ ڵ), and no
 * spaces, so that عبد الله and عبدالله, أبو بكر and أبوبكر are one name.
 */
export function arabicNameKey(text: string): string {
  return normaliseName(text)
    .replace(/[\u06d5\u06be\u06c1]/g, '\u0647')
    .replace(/\u06af/g, '\u0643')
    .replace(/\u067e/g, '\u0628')
    .replace(/\u0686/g, '\u062c')
    .replace(/\u0698/g, '\u0632')
    .replace(/\u06a4/g, '\u0641')
    .replace(/[\u06c6\u06c7\u06c8]/g, '\u0648')
    .replace(/\u06d0/g, '\u064a')
    .replace(/\u0695/g, '\u0631')
    .replace(/\u06b5/g, '\u0644')
    .replace(/[\s\u200c]+/g, '');
}

/**
 * A Latin transliteration of an Arabic name as identity verification compares it: what varies
 * between transliterations of the same name is dropped or merged. Case and accents; spaces,
 * hyphens, apostrophes and the article (al-, el-, ul-); doubled letters; vowels after the first
 * letter (and which vowel starts it), y and w as vowels, but a diphthong ai/ay/ei/ey kept as one
 * mark; a final h (Fatimah, Fatima); the
 * spellings of one sound (dh th z d for ذ ظ, q k c ck for ق ك, ph f, ou u, ee i, kh x, gh g,
 * sh and ch). So Mohammed = Muhammad = Mohamad, Hussein = Husain, Kadhim = Kazim, Omar = Umar,
 * Al-Tamimi = el Tamimi (= Altamimi, as a family name), Abdul Rahman = Abd al-Rahman = Abdelrahman.
 */
export function latinNameKey(text: string, familyName = false): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(abd|abu)[\s'’-]*(al|el|ul|ar|ad|as|an|at)[\s'’-]*/g, '$1')
    .replace(/\babdul|\babdel/g, 'abd')
    .replace(/(^|[\s'’-])(al|el|ul)[\s'’-]+/g, '$1')
    .replace(/[^a-z]/g, '');
  // A family name's article may also be written joined (Altamimi); a given name's not (Alaa, Ali).
  if (familyName) s = s.replace(/^(al|el)(?=[a-z]{3})/, '');
  s = s
    .replace(/kh/g, 'x')
    .replace(/gh/g, 'g')
    .replace(/sh|ch/g, '$')
    .replace(/ph/g, 'f')
    .replace(/dh|th|z/g, 'd')
    .replace(/ck|q|c/g, 'k');
  s = s.replace(/h$/, '');
  // A diphthong (ai ay ei ey) writes a ي, which tells Hussein (حسين) from Hassan (حسن); long i (ee, i) does not.
  const first = /^[aeiouyw]/.test(s) ? '*' : s.charAt(0);
  const rest = s
    .slice(1)
    .replace(/[ae][iy]/g, 'Y')
    .replace(/[aeiouyw]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}
