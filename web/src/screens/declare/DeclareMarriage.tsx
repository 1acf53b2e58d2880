import { useTranslation } from 'react-i18next';
import { MARRIAGE as D } from '../../lib/declarations';
import { DeclarationForm, formOf } from './DeclarationForm';

/** Declares a marriage (POST /v1/marriages): both parties by NIN, the date, the place, a court's permission when needed. */
export function DeclareMarriage() {
  const { t } = useTranslation();
  return (
    <DeclarationForm {...formOf(D)} title={t('declare.marriage')}>
      {(f) => (
        <>
          <fieldset>
            <legend>{t('declare.parties')}</legend>
            {f.text('partyA.nin', t('declare.partyA'), { hint: t('birth.ninHint'), nin: true })}
            {f.text('partyB.nin', t('declare.partyB'), { hint: t('birth.ninHint'), nin: true })}
          </fieldset>
          <fieldset>
            <legend>{t('declare.theMarriage')}</legend>
            {f.date('dateOfMarriage', t('declare.dateOfMarriage'))}
            {f.governorate('placeOfMarriage.governorate', t('birth.governorate'))}
            {f.text('placeOfMarriage.facility', t('declare.court'), { optional: true })}
            {f.text('courtReference', t('declare.courtReference'), {
              optional: true,
              hint: t('declare.permissionHint'),
            })}
          </fieldset>
        </>
      )}
    </DeclarationForm>
  );
}
