import { useTranslation } from 'react-i18next';
import type { Values } from '../../lib/declaration';
import { causeTextWithoutCode, DEATH as D, MANNERS_OF_DEATH } from '../../lib/declarations';
import { GOVERNORATES } from '../../lib/governorates';
import { DeclarationForm, formOf } from './DeclarationForm';

/** A rule across fields, beside each field's own checks. */
const extraCheck = (v: Values) => ({
  ...(causeTextWithoutCode(v) ? { 'causeOfDeath.icd10': 'causeCode' } : {}),
});

/** Declares a death (POST /v1/deaths): who died (by NIN), when and where, and the cause as an ICD-10 code. */
export function DeclareDeath() {
  const { t } = useTranslation();
  return (
    <DeclarationForm {...formOf(D, extraCheck)} title={t('declare.death')}>
      {(f) => (
        <>
          <fieldset>
            <legend>{t('declare.theDeath')}</legend>
            {f.text('deceased.nin', t('declare.deceasedNin'), { hint: t('birth.ninHint'), nin: true })}
            {f.date('dateOfDeath', t('declare.dateOfDeath'))}
            {f.governorate('placeOfDeath.governorate', t('birth.governorate'))}
            {f.text('placeOfDeath.facility', t('declare.placeOfDeath'), { optional: true })}
            {f.choice(
              'usualResidence.governorate',
              t('declare.usualResidence'),
              GOVERNORATES.map((g) => [g, t(`governorates.${g}`)] as const),
              { optional: true },
            )}
          </fieldset>
          <fieldset>
            <legend>{t('declare.cause')}</legend>
            {f.text('causeOfDeath.icd10', t('declare.icd10'), { hint: t('declare.icd10Hint') })}
            {f.text('causeOfDeath.text', t('declare.causeText'), { optional: true })}
            {f.choice(
              'mannerOfDeath',
              t('declare.manner'),
              MANNERS_OF_DEATH.map((m) => [m, t(`declare.manners.${m}`)] as const),
              { optional: true },
            )}
          </fieldset>
        </>
      )}
    </DeclarationForm>
  );
}
