import { useTranslation } from 'react-i18next';
import { bodyOf, checkValues, emptyValues } from '../../lib/declaration';
import { DIVORCE as D, DIVORCE_TYPES } from '../../lib/declarations';
import { DeclarationForm } from './DeclarationForm';
import { MarriagePicker } from './MarriagePicker';

const names = D.fields.map((f) => f.name);

/** Declares a divorce (POST /v1/divorces) of a registered marriage, found by a party's NIN. */
export function DeclareDivorce() {
  const { t } = useTranslation();
  return (
    <DeclarationForm
      kind={D.kind}
      title={t('declare.divorce')}
      path={D.path}
      fields={names}
      codes={D.codes}
      empty={() => emptyValues(D.fields)}
      check={(v, today) => checkValues(D.fields, v, today)}
      body={(v) => bodyOf(D.fields, v)}
    >
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
