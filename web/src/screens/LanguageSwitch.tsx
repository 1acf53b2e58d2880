import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../i18n/languages';

/** The language switch: each option in its own language and script, whatever the page's. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(e) => void switchLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
