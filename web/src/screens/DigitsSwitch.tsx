import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { chooseDigits, chosenDigits, DIGITS, type Digits } from '../lib/digits';

/**
 * The digits of dates, in Arabic and Kurdish (English has only Latin ones): each option shows a
 * year in its digits. Changing it redraws the screens as a language change does.
 */
export function DigitsSwitch() {
  const { t, i18n } = useTranslation();
  const [digits, setDigits] = useState<Digits>(chosenDigits());
  if (i18n.language === 'en') return null;
  const choose = (d: Digits) => {
    chooseDigits(d);
    setDigits(d);
    // Every screen that writes a date re-renders on this event (react-i18next listens to it).
    i18n.emit('languageChanged', i18n.language);
  };
  return (
    <div className="language">
      <label htmlFor="digits">{t('digits.label')}</label>
      <select id="digits" value={digits} onChange={(e) => choose(e.target.value as Digits)}>
        {DIGITS.map((d) => (
          <option key={d} value={d}>
            {t(`digits.${d}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
