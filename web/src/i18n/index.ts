import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar';
import { ckb } from './ckb';
import { en } from './en';
import { directionOf, languageStore, startingLanguage, type Language } from './languages';

export const CATALOGUES = { ar, ckb, en };

/** Sets <html lang dir> for a language: the browser then lays everything out right to left or not. */
function applyToDocument(code: Language): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

export async function startI18n(): Promise<typeof i18next> {
  const lng = startingLanguage(languageStore.read(), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: false, // a missing key shows as its name (the catalogue test catches it first)
    resources: Object.fromEntries(Object.entries(CATALOGUES).map(([k, v]) => [k, { translation: v }])),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyToDocument(lng);
  i18next.on('languageChanged', (code) => applyToDocument(code as Language));
  return i18next;
}

export async function switchLanguage(code: Language): Promise<void> {
  languageStore.write(code);
  await i18next.changeLanguage(code);
}
