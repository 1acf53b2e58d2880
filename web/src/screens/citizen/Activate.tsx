import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusLater } from '../../lib/focus-later';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ACTIVATION_FIELDS as FIELDS, checkActivation, type ActivationField } from '../../lib/activation';
import { latinDigits } from '../../lib/nin';
import { fieldErrors, isProblem, type Problem } from '../../lib/problem';
import { Failure } from '../Failure';
import { Field } from '../Field';

/** A check of ours (a message key, shown in the language of the moment) or the service's words. */
type Shown = { key: string } | { text: string };

/**
 * A citizen opens their account (POST /v1/citizens/activation) with their NIN, the office's
 * one-time code and a new password, then signs in with the NIN. Nothing typed leaves this
 * screen's memory: no URL, no storage.
 */
export function Activate() {
  const { t } = useTranslation();
  const later = useFocusLater();
  const [values, setValues] = useState<Record<ActivationField, string>>({
    nin: '',
    code: '',
    password: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<ActivationField | '', Shown>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const shown = (f: ActivationField | '') => {
    const e = errors[f];
    return e === undefined ? undefined : 'key' in e ? t(e.key) : e.text;
  };
  const set = (f: ActivationField) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [f]: e.target.value }));
  const focusFirstError = () =>
    later(() => {
      const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? form.current?.querySelector<HTMLElement>('.summary'))?.focus();
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const found = checkActivation(values);
    if (Object.keys(found).length > 0) {
      setErrors(Object.fromEntries(Object.entries(found).map(([f, key]) => [f, { key }])));
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    const body = {
      nin: latinDigits(values.nin).replace(/\s/g, ''),
      code: values.code.trim().toUpperCase(),
      password: values.password,
    };
    const answer = await api.POST('/v1/citizens/activation', { body }).catch(() => undefined);
    setBusy(false);
    if (answer?.response.ok) {
      setValues({ nin: '', code: '', password: '', confirm: '' });
      setDone(true);
      later(() => doneRef.current?.focus());
      return;
    }
    const problem: Problem =
      answer && isProblem(answer.error) ? answer.error : { status: answer?.response.status ?? 0 };
    if (problem.status === 401) setErrors({ code: { key: 'people.activate.wrongCode' } });
    else if (problem.status === 422 && problem.code === 'weak-password')
      setErrors({ password: { key: 'people.activate.weak' } });
    else if (problem.status === 409) setErrors({ '': { key: 'people.activate.already' } });
    else if (problem.status === 429) setErrors({ '': { key: 'signIn.tooMany' } });
    else if (problem.status === 400 || problem.status === 422)
      setErrors(Object.fromEntries(Object.entries(fieldErrors(problem, FIELDS)).map(([f, text]) => [f, { text }])));
    else {
      setFailure(new ApiError(problem));
      return;
    }
    focusFirstError();
  }

  if (done)
    return (
      <section className="card narrow">
        <h1 tabIndex={-1}>{t('people.activate.title')}</h1>
        <p role="status" tabIndex={-1} ref={doneRef} className="notice">
          {t('people.activate.done')}
        </p>
        <p>
          <Link to="/">{t('signIn.submit')}</Link>
        </p>
      </section>
    );

  return (
    <section className="card narrow">
      <h1 tabIndex={-1}>{t('people.activate.title')}</h1>
      <p>{t('people.activate.intro')}</p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        {Object.keys(errors).length > 0 && (
          <div className="summary error" role="alert" tabIndex={-1}>
            <p>{t('people.activate.fix')}</p>
            {errors[''] && <p>{shown('')}</p>}
          </div>
        )}
        <Field name="nin" label={t('people.activate.nin')} hint={t('people.activate.ninHint')} error={shown('nin')}>
          {(aria) => (
            <input
              {...aria}
              value={values.nin}
              onChange={set('nin')}
              dir="ltr"
              inputMode="numeric"
              autoComplete="username"
            />
          )}
        </Field>
        <Field name="code" label={t('people.activate.code')} hint={t('people.activate.codeHint')} error={shown('code')}>
          {(aria) => (
            <input
              {...aria}
              value={values.code}
              onChange={set('code')}
              dir="ltr"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          name="password"
          label={t('people.activate.password')}
          hint={t('people.activate.passwordHint')}
          error={shown('password')}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              value={values.password}
              onChange={set('password')}
              autoComplete="new-password"
            />
          )}
        </Field>
        <Field name="confirm" label={t('people.activate.confirm')} error={shown('confirm')}>
          {(aria) => (
            <input
              {...aria}
              type="password"
              value={values.confirm}
              onChange={set('confirm')}
              autoComplete="new-password"
            />
          )}
        </Field>
        {failure !== undefined && <Failure error={failure} />}
        <button type="submit" disabled={busy}>
          {busy ? t('people.activate.sending') : t('people.activate.submit')}
        </button>
      </form>
      <p>
        <Link to="/">{t('people.nav.signIn')}</Link>
      </p>
    </section>
  );
}
