import { useTranslation } from 'react-i18next';
import { DIVORCE as D, DIVORCE_TYPES } from '../../lib/declarations';
import { DeclarationForm, formOf } from './DeclarationForm';
import { MarriagePicker } from './MarriagePicker';

/** Declares a divorce (POST /v1/divorces) of a registered marriage, found by a party's NIN. */
export function DeclareDivorce() {
  const { t } = useTranslation();
  return (
    <DeclarationForm {...formOf(D)} title={t('declare.divorce')}>
      {(f) => (
        <>
          <MarriagePicker
            value={f.value('marriageId')}
            onChange={(id) => f.set('marriageId', id)}
            error={f.error('marriageId')}
          />
          <fieldset>
            <legend>{t('declare.theJudgment')}</legend>
            {f.date('dateOfDivorce', t('declare.dateOfDivorce'))}
            {f.text('courtReference', t('declare.courtReference'), { hint: t('declare.courtHint') })}
            {f.choice(
              'divorceType',
              t('declare.divorceType'),
              DIVORCE_TYPES.map((d) => [d, t(`declare.divorceTypes.${d}`)] as const),
              { optional: true },
            )}
          </fieldset>
        </>
      )}
    </DeclarationForm>
  );
}
