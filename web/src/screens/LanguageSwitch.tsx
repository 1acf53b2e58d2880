import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../i18n/languages';

/**
 * The language switch: each option in its own language and script, whatever the page's. The label
 * is tied by id (not wrapped round the select), so the control's name is "Language" alone.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language">
      <label htmlFor="language">{t('language.label')}</label>
      <select id="language" value={i18n.language} onChange={(e) => void switchLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
