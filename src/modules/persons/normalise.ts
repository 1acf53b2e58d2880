/**
 * Name normalisation for search. Arabic: diacritics and tatweel dropped; alef forms (أ إ آ ٱ) to ا;
 * hamza seats ؤ to و and ئ to ي; ta marbuta ة to ه; alef maqsura ى to ي; Persian kaf and yeh to
 * Arabic ones. Latin: accents dropped, lower case. Tokens split on spaces, hyphens and apostrophes.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u06a9/g, '\u0643')
    .replace(/\u06cc/g, '\u064a')
    .toLowerCase();
}

export function nameTokens(...parts: (string | undefined)[]): string[] {
  const tokens = parts
    .filter((p): p is string => typeof p === 'string')
    .flatMap((p) => normaliseName(p).split(/[\s\-'’ʿʾ.]+/u))
    .filter((t) => t.length > 0);
  return [...new Set(tokens)];
}
