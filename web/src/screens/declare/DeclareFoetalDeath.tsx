import { useTranslation } from 'react-i18next';
import type { Values } from '../../lib/declaration';
import { ATTENDANTS, causeTextWithoutCode, FOETAL_DEATH as D } from '../../lib/declarations';
import { DeclarationForm, formOf } from './DeclarationForm';

/** A rule across fields, beside each field's own checks. */
const extraCheck = (v: Values) => ({
  ...(causeTextWithoutCode(v) ? { 'causeOfDeath.icd10': 'causeCode' } : {}),
});

/** Declares a foetal death, a stillbirth of 22 weeks or more (POST /v1/foetal-deaths). */
export function DeclareFoetalDeath() {
  const { t } = useTranslation();
  return (
    <DeclarationForm {...formOf(D, extraCheck)} title={t('declare.foetalDeath')}>
      {(f) => (
        <>
          <fieldset>
            <legend>{t('declare.theDelivery')}</legend>
            {f.text('mother.nin', t('birth.motherNin'), { hint: t('birth.ninHint'), nin: true })}
            {f.date('dateOfDelivery', t('declare.dateOfDelivery'))}
            {f.governorate('placeOfDelivery.governorate', t('birth.governorate'))}
            {f.text('placeOfDelivery.facility', t('declare.placeOfDelivery'), { optional: true })}
            {f.text('gestationWeeks', t('declare.gestationWeeks'), { hint: t('declare.gestationHint'), numeric: true })}
            {f.choice(
              'sex',
              t('birth.sex'),
              [
                ['female', t('birth.female')],
                ['male', t('birth.male')],
              ],
              { optional: true },
            )}
            {f.text('weightGrams', t('declare.weightGrams'), { optional: true, numeric: true })}
            {f.choice(
              'attendant',
              t('declare.attendant'),
              ATTENDANTS.map((a) => [a, t(`declare.attendants.${a}`)] as const),
              { optional: true },
            )}
          </fieldset>
          <fieldset>
            <legend>{t('declare.cause')}</legend>
            {f.text('causeOfDeath.icd10', t('declare.icd10'), { optional: true, hint: t('declare.foetalIcd10Hint') })}
            {f.text('causeOfDeath.text', t('declare.causeText'), { optional: true })}
          </fieldset>
        </>
      )}
    </DeclarationForm>
  );
}
