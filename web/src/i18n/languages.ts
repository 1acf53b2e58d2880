/** The console's languages, Arabic first; each with its own name, as the switch shows it. */
export const LANGUAGES = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'ckb', name: 'کوردی', dir: 'rtl' },
  { code: 'en', name: 'English', dir: 'ltr' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORED = 'console.language';

/** Which of ours a browser language tag names: Sorani is `ckb`; a bare `ku` is taken as Sorani too. */
export function ours(tag: string): Language | undefined {
  const base = tag.toLowerCase().split('-')[0];
  if (base === 'ar' || base === 'en' || base === 'ckb') return base;
  if (base === 'ku') return 'ckb';
  return undefined;
}

/**
 * The language a visit starts in: the one chosen before (remembered on the switch), else the
 * first of the browser's preferred languages that is ours, else Arabic.
 */
export function startingLanguage(stored: string | null, preferred: readonly string[]): Language {
  const remembered = stored ? ours(stored) : undefined;
  if (remembered) return remembered;
  for (const tag of preferred) {
    const found = ours(tag);
    if (found) return found;
  }
  return 'ar';
}

export const directionOf = (code: Language) => LANGUAGES.find((l) => l.code === code)?.dir ?? 'rtl';

/** Only the language is kept in the browser's storage: nothing personal is. */
export const languageStore = {
  read(): string | null {
    try {
      return localStorage.getItem(STORED);
    } catch {
      return null; // storage refused (private mode): the browser's preference decides
    }
  },
  write(code: Language): void {
    try {
      localStorage.setItem(STORED, code);
    } catch {
      // not remembered, which only costs the choice on the next visit
    }
  },
};
