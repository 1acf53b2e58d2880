import { useTranslation } from 'react-i18next';
import {
  BIRTH_CODES,
  BIRTH_FIELDS,
  birthBody,
  checkBirth,
  emptyBirth,
  PLACE_TYPES,
  type BirthValues,
} from '../lib/birth-form';
import { ATTENDANTS } from '../lib/declarations';
import { DeclarationForm } from './declare/DeclarationForm';

/**
 * Declares a birth (POST /v1/births) in the shell every declaration shares (declare/DeclarationForm):
 * checks first, the service's field errors beside the fields, one Idempotency-Key per submission
 * of the same facts, and the outbox when there is no link.
 */
export function DeclareBirth() {
  const { t } = useTranslation();
  return (
    <DeclarationForm
      kind="birth"
      title={t('birth.title')}
      path="/v1/births"
      fields={BIRTH_FIELDS}
      codes={BIRTH_CODES}
      empty={emptyBirth}
      check={(v, today) => checkBirth(v as BirthValues, today)}
      body={(v) => birthBody(v as BirthValues)}
    >
      {(f) => (
        <>
          <fieldset>
            <legend>{t('birth.child')}</legend>
            {f.text('child.givenName', t('birth.givenName'), { hint: t('birth.namesHint') })}
            {f.text('child.fatherName', t('birth.fatherName'), { optional: true })}
            {f.text('child.grandfatherName', t('birth.grandfatherName'), { optional: true })}
            {f.text('child.familyName', t('birth.familyName'), { optional: true })}
            {f.choice('child.sex', t('birth.sex'), [
              ['female', t('birth.female')],
              ['male', t('birth.male')],
            ])}
            {f.date('child.dateOfBirth', t('birth.dateOfBirth'))}
            {f.governorate('child.placeOfBirth.governorate', t('birth.governorate'))}
            {f.text('child.placeOfBirth.facility', t('birth.facility'), { optional: true })}
            {f.choice(
              'child.placeOfBirthType',
              t('birth.placeOfBirthType'),
              PLACE_TYPES.map((p) => [p, t(`birth.placeTypes.${p}`)] as const),
              { optional: true },
            )}
            {f.choice(
              'attendant',
              t('declare.attendant'),
              ATTENDANTS.map((a) => [a, t(`declare.attendants.${a}`)] as const),
              { optional: true },
            )}
          </fieldset>
          <fieldset>
            <legend>{t('birth.parents')}</legend>
            {f.text('mother.nin', t('birth.motherNin'), { hint: t('birth.ninHint'), nin: true })}
            {f.text('father.nin', t('birth.fatherNin'), { optional: true, hint: t('birth.ninHint'), nin: true })}
          </fieldset>
        </>
      )}
    </DeclarationForm>
  );
}
