import { useTranslation } from 'react-i18next';
import { ANNULMENT as D, ANNULMENT_GROUNDS } from '../../lib/declarations';
import { DeclarationForm, formOf } from './DeclarationForm';
import { MarriagePicker } from './MarriagePicker';

/** Declares an annulment (POST /v1/annulments): a court held a registered marriage void from its start. */
export function DeclareAnnulment() {
  const { t } = useTranslation();
  return (
    <DeclarationForm {...formOf(D)} title={t('declare.annulment')}>
      {(f) => (
        <>
          <MarriagePicker
            value={f.value('marriageId')}
            onChange={(id) => f.set('marriageId', id)}
            error={f.error('marriageId')}
          />
          <fieldset>
            <legend>{t('declare.theJudgment')}</legend>
            {f.date('dateOfJudgment', t('declare.dateOfJudgment'))}
            {f.text('courtReference', t('declare.courtReference'), { hint: t('declare.courtHint') })}
            {f.choice(
              'ground',
              t('declare.ground'),
              ANNULMENT_GROUNDS.map((g) => [g, t(`declare.grounds.${g}`)] as const),
              { optional: true },
            )}
          </fieldset>
        </>
      )}
    </DeclarationForm>
  );
}
