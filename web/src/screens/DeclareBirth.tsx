import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api/client';
import {
  BIRTH_CODES,
  BIRTH_FIELDS,
  birthBody,
  checkBirth,
  emptyBirth,
  type BirthField,
  type BirthValues,
} from '../lib/birth-form';
import { today } from '../lib/format';
import { fieldErrors, isProblem } from '../lib/problem';
import { Field } from './Field';
import { Failure } from './Failure';

const GOVERNORATES = [
  'IQ-BG',
  'IQ-AN',
  'IQ-BB',
  'IQ-BA',
  'IQ-DQ',
  'IQ-DI',
  'IQ-DA',
  'IQ-AR',
  'IQ-KA',
  'IQ-KI',
  'IQ-MA',
  'IQ-MU',
  'IQ-NA',
  'IQ-NI',
  'IQ-QA',
  'IQ-SD',
  'IQ-SU',
  'IQ-WA',
];

/**
 * Declares a birth (POST /v1/births): checks what it can first, then shows the service's field
 * errors beside the fields. One Idempotency-Key per submission of the same facts, so a retry
 * after a lost answer never declares the birth twice; a change to any field makes a new one.
 */
export function DeclareBirth() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [values, setValues] = useState<BirthValues>(emptyBirth);
  // A check of ours is kept as its message key (shown in the language of the moment), the service's words as they came.
  const [errors, setErrors] = useState<Record<string, { key: string } | { text: string }>>({});
  const shown = (f: string) => {
    const e = errors[f];
    return e === undefined ? undefined : 'key' in e ? t(e.key) : e.text;
  };
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const key = useRef<string | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);

  const set = (f: BirthField) => (e: { target: { value: string } }) => {
    key.current = undefined;
    setValues((v) => ({ ...v, [f]: e.target.value }));
  };
  const focusFirstError = () =>
    requestAnimationFrame(() => {
      // The first field to fix (the summary above is an alert, read out anyway), else the summary.
      const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? form.current?.querySelector<HTMLElement>('.summary'))?.focus();
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const found = checkBirth(values, today());
    if (Object.keys(found).length > 0) {
      setErrors(Object.fromEntries(Object.entries(found).map(([f, k]) => [f, { key: `check.${k}` }])));
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    key.current ??= crypto.randomUUID();
    const answer = await api
      .POST('/v1/births', { body: birthBody(values), params: { header: { 'idempotency-key': key.current } } })
      .catch(() => undefined);
    setBusy(false);
    if (answer?.data) {
      await queries.invalidateQueries({ queryKey: ['workqueues'] });
      void navigate(`/records/${answer.data.id}`);
      return;
    }
    const problem = answer && isProblem(answer.error) ? answer.error : { status: answer?.response.status ?? 0 };
    const byField = fieldErrors(problem, BIRTH_FIELDS, BIRTH_CODES);
    if (problem.status === 400 || problem.status === 422) {
      setErrors(Object.fromEntries(Object.entries(byField).map(([f, text]) => [f, { text }])));
      focusFirstError();
    } else setFailure(new ApiError(problem));
  }

  const field = (f: BirthField, label: string, extra: { hint?: string; optional?: boolean; nin?: boolean } = {}) => (
    <Field
      name={f}
      label={label}
      hint={[extra.optional ? t('birth.optional') : '', extra.hint ?? ''].filter(Boolean).join(' ') || undefined}
      error={shown(f)}
    >
      {(aria) => (
        <input
          {...aria}
          name={f}
          value={values[f]}
          onChange={set(f)}
          {...(extra.nin ? { dir: 'ltr', inputMode: 'numeric' as const, autoComplete: 'off' } : { dir: 'auto' })}
        />
      )}
    </Field>
  );

  return (
    <section>
      <h1 tabIndex={-1}>{t('birth.title')}</h1>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        {Object.keys(errors).length > 0 && (
          <div className="summary error" role="alert" tabIndex={-1}>
            <p>{t('birth.fix')}</p>
            {errors[''] && <p>{shown('')}</p>}
          </div>
        )}
        <fieldset>
          <legend>{t('birth.child')}</legend>
          {field('child.givenName', t('birth.givenName'), { hint: t('birth.namesHint') })}
          {field('child.fatherName', t('birth.fatherName'), { optional: true })}
          {field('child.grandfatherName', t('birth.grandfatherName'), { optional: true })}
          {field('child.familyName', t('birth.familyName'), { optional: true })}
          <Field name="child.sex" label={t('birth.sex')} error={shown('child.sex')}>
            {(aria) => (
              <select {...aria} value={values['child.sex']} onChange={set('child.sex')}>
                <option value="">{t('birth.choose')}</option>
                <option value="female">{t('birth.female')}</option>
                <option value="male">{t('birth.male')}</option>
              </select>
            )}
          </Field>
          <Field name="child.dateOfBirth" label={t('birth.dateOfBirth')} error={shown('child.dateOfBirth')}>
            {(aria) => (
              <input
                {...aria}
                type="date"
                max={today()}
                value={values['child.dateOfBirth']}
                onChange={set('child.dateOfBirth')}
              />
            )}
          </Field>
          <Field
            name="child.placeOfBirth.governorate"
            label={t('birth.governorate')}
            error={shown('child.placeOfBirth.governorate')}
          >
            {(aria) => (
              <select
                {...aria}
                value={values['child.placeOfBirth.governorate']}
                onChange={set('child.placeOfBirth.governorate')}
              >
                <option value="">{t('birth.choose')}</option>
                {GOVERNORATES.map((g) => (
                  <option key={g} value={g}>
                    {t(`governorates.${g}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {field('child.placeOfBirth.facility', t('birth.facility'), { optional: true })}
        </fieldset>
        <fieldset>
          <legend>{t('birth.parents')}</legend>
          {field('mother.nin', t('birth.motherNin'), { hint: t('birth.ninHint'), nin: true })}
          {field('father.nin', t('birth.fatherNin'), { optional: true, hint: t('birth.ninHint'), nin: true })}
        </fieldset>
        {failure !== undefined && <Failure error={failure} />}
        <button type="submit" disabled={busy}>
          {busy ? t('birth.sending') : t('birth.submit')}
        </button>
      </form>
    </section>
  );
}
