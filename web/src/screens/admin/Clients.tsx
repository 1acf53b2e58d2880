import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusLater } from '../../lib/focus-later';
import { api, ApiError, must } from '../../api/client';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../lib/format';
import { fieldErrors, isProblem } from '../../lib/problem';
import { Failure } from '../Failure';
import { Field } from '../Field';

/** The scopes an admin gives a client (openapi CreateClient); their catalogue keys have '-' for ':' (i18next's namespace separator). */
const SCOPES = ['identity:verify', 'notifications:write', 'feed:read', 'certificates:issue'] as const;
type Scope = (typeof SCOPES)[number];
type Secret = { clientId: string; name: string; clientSecret: string };

/**
 * Sectoral clients for admins: register one (POST /v1/clients), list them (GET /v1/clients),
 * rotate a secret (POST /v1/clients/{id}/secret). A secret is shown once, from this screen's
 * state: it is never cached, kept or fetched again, so it is gone once the admin leaves.
 */
export function Clients() {
  const { t, i18n } = useTranslation();
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => must(api.GET('/v1/clients')) });
  const [secret, setSecret] = useState<Secret | undefined>();
  const reveal = (s: Secret) => setSecret(s);

  return (
    <section>
      <h1 tabIndex={-1}>{t('people.clients.title')}</h1>
      <p>{t('people.clients.intro')}</p>
      {secret && <OneTimeSecret key={secret.clientSecret} secret={secret} />}
      <NewClient onCreated={reveal} />
      <section aria-labelledby="clients-list">
        <h2 id="clients-list">{t('people.clients.list')}</h2>
        {clients.isPending && <p role="status">{t('app.loading')}</p>}
        {clients.error && <Failure error={clients.error} />}
        {clients.data?.items.length === 0 && <p>{t('people.clients.none')}</p>}
        {clients.data && clients.data.items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('people.clients.name')}</th>
                <th scope="col">{t('people.clients.clientId')}</th>
                <th scope="col">{t('people.clients.scopes')}</th>
                <th scope="col">{t('people.clients.createdAt')}</th>
                <th scope="col">{t('people.clients.status')}</th>
                <th scope="col">{t('people.clients.rotate')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.data.items.map((c) => (
                <tr key={c.clientId}>
                  <td dir="auto">{c.name}</td>
                  <td>
                    <code dir="ltr" className="id">
                      {c.clientId}
                    </code>
                  </td>
                  <td>{c.scopes.map((s) => t(`people.clients.${s.replace(':', '-')}`, s)).join(' · ')}</td>
                  <td>{formatDate(c.createdAt, i18n.language)}</td>
                  <td>{c.disabled ? t('people.clients.disabled') : t('people.clients.active')}</td>
                  <td>
                    <Rotate client={c} onRotated={reveal} />
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

/** The secret, once, with a copy button and the warning that it will not be shown again. */
function OneTimeSecret({ secret }: { secret: Secret }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | undefined>();
  // Shown, it takes the focus (its heading is announced, then the warning); a rotation remounts it (key).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.clientSecret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="card secret" aria-labelledby="secret-title">
      <h2 id="secret-title" tabIndex={-1} ref={heading}>
        {t('people.clients.secretTitle', { name: secret.name })}
      </h2>
      <p className="warning">{t('people.clients.secretWarning')}</p>
      <dl className="facts">
        <div>
          <dt>{t('people.clients.clientId')}</dt>
          <dd>
            <code dir="ltr">{secret.clientId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('people.clients.secret')}</dt>
          <dd>
            <code dir="ltr" className="one-time" data-testid="client-secret">
              {secret.clientSecret}
            </code>
          </dd>
        </div>
      </dl>
      <button type="button" onClick={() => void copy()}>
        {t('people.clients.copy')}
      </button>
      <span role="status">
        {copied === true && t('people.clients.copied')}
        {copied === false && t('people.clients.notCopied')}
      </span>
    </section>
  );
}

function NewClient({ onCreated }: { onCreated: (s: Secret) => void }) {
  const { t } = useTranslation();
  const later = useFocusLater();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstError = () =>
    later(() => {
      const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? form.current?.querySelector<HTMLElement>('.summary'))?.focus();
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const found: Record<string, string> = {};
    if (name.trim().length < 3 || name.trim().length > 120) found.name = t('people.clients.shortName');
    if (scopes.length === 0) found.scopes = t('people.clients.noScope');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    setBusy(true);
    const answer = await api.POST('/v1/clients', { body: { name: name.trim(), scopes } }).catch(() => undefined);
    setBusy(false);
    if (answer?.data) {
      onCreated({ clientId: answer.data.clientId, name: answer.data.name, clientSecret: answer.data.clientSecret });
      setName('');
      setScopes([]);
      await queries.invalidateQueries({ queryKey: ['clients'] });
      return;
    }
    const problem = answer && isProblem(answer.error) ? answer.error : { status: answer?.response.status ?? 0 };
    if (problem.status === 400 || problem.status === 422) {
      setErrors(fieldErrors(problem, ['name', 'scopes']));
      focusFirstError();
    } else setFailure(new ApiError(problem));
  }

  return (
    <section aria-labelledby="new-client" className="card">
      <h2 id="new-client">{t('people.clients.create')}</h2>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        {Object.keys(errors).length > 0 && (
          <div className="summary error" role="alert" tabIndex={-1}>
            <p>{t('people.clients.fix')}</p>
            {errors[''] && <p>{errors['']}</p>}
          </div>
        )}
        <Field
          name="client-name"
          label={t('people.clients.name')}
          hint={t('people.clients.nameHint')}
          error={errors.name}
        >
          {(aria) => <input {...aria} value={name} onChange={(e) => setName(e.target.value)} dir="auto" />}
        </Field>
        <fieldset
          className={errors.scopes ? 'invalid' : undefined}
          aria-describedby={errors.scopes ? 'client-scopes-error' : undefined}
        >
          <legend>{t('people.clients.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                aria-invalid={errors.scopes ? true : undefined}
                onChange={(e) => setScopes((v) => (e.target.checked ? [...v, s] : v.filter((x) => x !== s)))}
              />{' '}
              {t(`people.clients.${s.replace(':', '-')}`)}
            </label>
          ))}
          {errors.scopes && (
            <span id="client-scopes-error" className="error">
              {errors.scopes}
            </span>
          )}
        </fieldset>
        {failure !== undefined && <Failure error={failure} />}
        <button type="submit" disabled={busy}>
          {t('people.clients.submit')}
        </button>
      </form>
    </section>
  );
}

/** Rotate a client's secret, asked to confirm first: the old secret stops working at once. */
function Rotate({ client, onRotated }: { client: Schemas['Client']; onRotated: (s: Secret) => void }) {
  const { t } = useTranslation();
  const later = useFocusLater();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const sure = useRef<HTMLButtonElement>(null);
  const id = client.clientId;
  async function rotate() {
    setFailure(undefined);
    try {
      const answer = await must(api.POST('/v1/clients/{id}/secret', { params: { path: { id } } }));
      setAsking(false);
      onRotated({ clientId: answer.clientId, name: answer.name, clientSecret: answer.clientSecret });
    } catch (e) {
      setFailure(e);
    }
  }
  if (!asking)
    return (
      <button
        type="button"
        className="quiet"
        aria-label={t('people.clients.rotateFor', { name: client.name })}
        onClick={() => {
          setAsking(true);
          later(() => sure.current?.focus());
        }}
      >
        {t('people.clients.rotate')}
      </button>
    );
  return (
    <div role="group" aria-labelledby={`rotate-${id}`}>
      <p id={`rotate-${id}`}>{t('people.clients.rotateSure', { name: client.name })}</p>
      <button type="button" className="danger" ref={sure} onClick={() => void rotate()}>
        {t('people.clients.rotateYes')}
      </button>{' '}
      <button type="button" className="quiet" onClick={() => setAsking(false)}>
        {t('people.clients.cancel')}
      </button>
      {failure !== undefined && <Failure error={failure} />}
    </div>
  );
}
