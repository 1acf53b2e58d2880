import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../api/client';
import type { Schemas } from '../api/types';
import { consentLimits, checkConsent, CONSENT_CODES, CONSENT_FIELDS, type ConsentField } from '../lib/consent-form';
import { useFocusLater } from '../lib/focus-later';
import { formatDate } from '../lib/format';
import { fieldErrors, isProblem, type Problem } from '../lib/problem';
import { Failure } from './Failure';
import { Field } from './Field';

type Consent = Schemas['Consent'];
type Shown = { key: string } | { text: string };
/** What the screen last did, said in the status line that takes the focus (its date in the language shown). */
type Notice = { key: string; name: string; purpose: string; until?: string };

/**
 * The citizen's consents (GET /v1/me/consents): which ministry's system may obtain their
 * certificates, for what and until when. Give one (POST), withdraw one (DELETE, asked first:
 * the system obtains nothing more by it). After each, the focus goes to a status line saying so.
 */
export function Consents() {
  const { t, i18n } = useTranslation();
  const later = useFocusLater();
  const queries = useQueryClient();
  const consents = useQuery({ queryKey: ['me', 'consents'], queryFn: () => must(api.GET('/v1/me/consents')) });
  const [notice, setNotice] = useState<Notice | undefined>();
  const status = useRef<HTMLParagraphElement>(null);
  // The status line says what was done and takes the focus at once; the list is read again beside it.
  const done = (n: Notice) => {
    setNotice(n);
    later(() => status.current?.focus());
    return queries.invalidateQueries({ queryKey: ['me', 'consents'] });
  };
  const items = consents.data?.items ?? [];

  return (
    <section>
      <h1 tabIndex={-1}>{t('consents.title')}</h1>
      <p>{t('consents.intro')}</p>
      <p role="status" tabIndex={-1} ref={status} className="notice">
        {notice &&
          t(notice.key, {
            name: notice.name,
            purpose: notice.purpose,
            until: formatDate(notice.until, i18n.language),
          })}
      </p>
      <GiveConsent
        clients={consents.data?.clients}
        onGiven={(c) =>
          done({
            key: 'consents.given',
            name: c.clientName ?? c.clientId,
            purpose: c.purpose,
            until: c.expiresAt.slice(0, 10),
          })
        }
      />
      <section aria-labelledby="consents-list">
        <h2 id="consents-list">{t('consents.list')}</h2>
        {consents.isPending && <p role="status">{t('app.loading')}</p>}
        {consents.error && <Failure error={consents.error} />}
        {consents.isSuccess && items.length === 0 && <p>{t('consents.none')}</p>}
        {items.length > 0 && (
          <table className="consents">
            <thead>
              <tr>
                <th scope="col">{t('consents.client')}</th>
                <th scope="col">{t('consents.purpose')}</th>
                <th scope="col">{t('consents.givenAt')}</th>
                <th scope="col">{t('consents.expiresAt')}</th>
                <th scope="col">{t('consents.status')}</th>
                <th scope="col">{t('consents.withdraw')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td dir="auto">{c.clientName ?? c.clientId}</td>
                  <td dir="auto">{c.purpose}</td>
                  <td>
                    {formatDate(c.givenAt, i18n.language)}
                    {c.givenBy.role !== 'citizen' && (
                      <span className="hint">
                        {' '}
                        {t('consents.atOffice', { role: t(`roles.${c.givenBy.role}`, c.givenBy.role) })}
                      </span>
                    )}
                  </td>
                  <td>{formatDate(c.expiresAt.slice(0, 10), i18n.language)}</td>
                  <td>
                    {c.status === 'withdrawn' && c.withdrawnAt
                      ? t('consents.withdrawnOn', { at: formatDate(c.withdrawnAt, i18n.language) })
                      : t(`consents.${c.status}`)}
                  </td>
                  <td>
                    {c.status === 'in-force' && (
                      <Withdraw
                        consent={c}
                        onWithdrawn={() =>
                          done({
                            key: 'consents.withdrawnNotice',
                            name: c.clientName ?? c.clientId,
                            purpose: c.purpose,
                          })
                        }
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

/** The form: which system, for what, until when; checked here first, then by the service. */
function GiveConsent({
  clients,
  onGiven,
}: {
  clients: Schemas['Consents']['clients'] | undefined;
  onGiven: (c: Consent) => Promise<void>;
}) {
  const { t } = useTranslation();
  const later = useFocusLater();
  const empty: Record<ConsentField, string> = { clientId: '', purpose: '', expiresAt: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<ConsentField | '', Shown>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const limits = consentLimits();
  const shown = (f: ConsentField | '') => {
    const e = errors[f];
    return e === undefined ? undefined : 'key' in e ? t(e.key) : e.text;
  };
  const set = (f: ConsentField) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [f]: e.target.value }));
  const focusFirstError = () =>
    later(() => {
      const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? form.current?.querySelector<HTMLElement>('.summary'))?.focus();
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const found = checkConsent(values, limits);
    if (Object.keys(found).length > 0) {
      setErrors(Object.fromEntries(Object.entries(found).map(([f, key]) => [f, { key }])));
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    const body = { ...values, purpose: values.purpose.trim() };
    const answer = await api.POST('/v1/me/consents', { body }).catch(() => undefined);
    setBusy(false);
    if (answer?.data) {
      setValues(empty);
      await onGiven(answer.data);
      return;
    }
    const problem: Problem =
      answer && isProblem(answer.error) ? answer.error : { status: answer?.response.status ?? 0 };
    if (problem.status === 400 || problem.status === 422) {
      // A refusal the console knows (a date in the past, more than a year, a system that may not) in the user's words.
      const coded = problem.code ? CONSENT_CODES[problem.code] : undefined;
      setErrors(
        coded
          ? { [coded.field]: { key: coded.key } }
          : Object.fromEntries(Object.entries(fieldErrors(problem, CONSENT_FIELDS)).map(([f, text]) => [f, { text }])),
      );
      focusFirstError();
    } else setFailure(new ApiError(problem));
  }

  return (
    <section aria-labelledby="give-consent" className="card">
      <h2 id="give-consent">{t('consents.give')}</h2>
      {clients?.length === 0 ? (
        <p>{t('consents.noClients')}</p>
      ) : (
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
          {Object.keys(errors).length > 0 && (
            <div className="summary error" role="alert" tabIndex={-1}>
              <p>{t('consents.fix')}</p>
              {errors[''] && <p>{shown('')}</p>}
            </div>
          )}
          <Field name="consent-client" label={t('consents.client')} error={shown('clientId')}>
            {(aria) => (
              <select {...aria} value={values.clientId} onChange={set('clientId')}>
                <option value="">{t('consents.choose')}</option>
                {clients?.map((c) => (
                  <option key={c.clientId} value={c.clientId}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="consent-purpose"
            label={t('consents.purpose')}
            hint={t('consents.purposeHint')}
            error={shown('purpose')}
          >
            {(aria) => <input {...aria} value={values.purpose} onChange={set('purpose')} dir="auto" maxLength={200} />}
          </Field>
          <Field
            name="consent-until"
            label={t('consents.until')}
            hint={t('consents.untilHint')}
            error={shown('expiresAt')}
          >
            {(aria) => (
              <input
                {...aria}
                type="date"
                min={limits.first}
                max={limits.last}
                value={values.expiresAt}
                onChange={set('expiresAt')}
              />
            )}
          </Field>
          {failure !== undefined && <Failure error={failure} />}
          <button type="submit" disabled={busy}>
            {t('consents.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Withdraw one consent, asked first: from then on the system obtains nothing by it. */
function Withdraw({ consent, onWithdrawn }: { consent: Consent; onWithdrawn: () => Promise<void> }) {
  const { t } = useTranslation();
  const later = useFocusLater();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const sure = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const words = { name: consent.clientName ?? consent.clientId, purpose: consent.purpose };
  async function withdraw() {
    if (busy) return;
    setFailure(undefined);
    setBusy(true);
    try {
      await must(api.DELETE('/v1/me/consents/{id}', { params: { path: { id: consent.id } } }));
      await onWithdrawn();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  if (!asking)
    return (
      <button
        type="button"
        className="quiet"
        ref={ask}
        aria-label={t('consents.withdrawFor', words)}
        onClick={() => {
          setAsking(true);
          later(() => sure.current?.focus());
        }}
      >
        {t('consents.withdraw')}
      </button>
    );
  return (
    <div role="group" aria-labelledby={`withdraw-${consent.id}`}>
      <p id={`withdraw-${consent.id}`}>{t('consents.withdrawSure', words)}</p>
      <button type="button" className="danger" ref={sure} aria-disabled={busy} onClick={() => void withdraw()}>
        {t('consents.withdrawYes')}
      </button>{' '}
      <button
        type="button"
        className="quiet"
        onClick={() => {
          setAsking(false);
          later(() => ask.current?.focus());
        }}
      >
        {t('consents.cancel')}
      </button>
      {failure !== undefined && <Failure error={failure} />}
    </div>
  );
}
