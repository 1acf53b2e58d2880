import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusLater } from '../../lib/focus-later';
import { api, ApiError, must } from '../../api/client';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../lib/format';
import { Failure } from '../Failure';
import { Field } from '../Field';

type Verdict = Schemas['CertificateVerification'];

/**
 * Check a certificate (anyone, signed in or not): a pasted token, or a photo of the QR code read
 * in the browser, sent to POST /v1/certificates/verification in the body, never in the console's
 * address; the answer in plain words with the certificate's facts, and the service's own page.
 * Or its printed number, for the service's page to look up.
 */
export function CheckCertificate() {
  const { t, i18n } = useTranslation();
  const later = useFocusLater();
  const [token, setToken] = useState('');
  const [checked, setChecked] = useState<{ token: string; verdict: Verdict } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState<'reading' | 'checking' | undefined>();
  const result = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);

  const say = (key: string) => {
    setProblem(key);
    later(() => problemRef.current?.focus());
  };

  async function verify(value: string) {
    setFailure(undefined);
    setProblem(undefined);
    setChecked(undefined);
    // A token has no spaces (a pasted one may have gained line breaks); the QR code's COSE text
    // (CR1:, Base45) has spaces of its own, so only its ends are trimmed.
    const clean = /^\s*CR1:/.test(value) ? value.trim() : value.replace(/\s/g, '');
    if (!clean) return say('people.check.needToken');
    setBusy('checking');
    try {
      const verdict = await must(api.POST('/v1/certificates/verification', { body: { token: clean } }));
      setChecked({ token: clean, verdict });
    } catch (e) {
      // A text that is no token at all is not a certificate: said as such, not as a failure.
      if (e instanceof ApiError && e.problem.status === 400)
        setChecked({ token: clean, verdict: { valid: false, status: 'invalid' } });
      else setFailure(e);
    }
    setBusy(undefined);
    later(() => result.current?.focus());
  }

  async function photo(file: File | undefined) {
    if (!file) return;
    setFailure(undefined);
    setChecked(undefined);
    setProblem(undefined);
    setBusy('reading');
    let text: string | undefined;
    try {
      const { readQr } = await import('./qr');
      text = await readQr(file);
    } catch {
      setBusy(undefined);
      return say('people.check.notImage');
    }
    setBusy(undefined);
    if (!text) return say('people.check.noQr');
    setToken(text);
    await verify(text);
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void verify(token);
  };
  const v = checked?.verdict;
  const c = v?.certificate;
  const name = c?.subjectName
    ? [c.subjectName.givenName, c.subjectName.fatherName, c.subjectName.grandfatherName, c.subjectName.familyName]
        .filter((n): n is string => typeof n === 'string' && n !== '')
        .join(' ')
    : undefined;

  return (
    <section>
      <h1 tabIndex={-1}>{t('people.check.title')}</h1>
      <p>{t('people.check.intro')}</p>
      <form onSubmit={submit} className="card" noValidate>
        <Field name="check-token" label={t('people.check.token')} hint={t('people.check.tokenHint')}>
          {(aria) => (
            <textarea
              {...aria}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              dir="ltr"
              rows={4}
              spellCheck={false}
              autoComplete="off"
            />
          )}
        </Field>
        <button type="submit" disabled={busy !== undefined}>
          {t('people.check.submit')}
        </button>
        <p className="or">{t('people.check.or')}</p>
        <Field name="check-photo" label={t('people.check.photo')} hint={t('people.check.photoHint')}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy !== undefined}
              onChange={(e) => {
                void photo(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          )}
        </Field>
      </form>
      {/* A number typed off the paper: the service's own page reads it (GET /verify?number=), case,
          spaces and hyphens ignored, and says so when a symbol is mistyped. */}
      <form action="/verify" method="get" className="card">
        <Field name="check-number" label={t('people.check.number')} hint={t('people.check.numberHint')}>
          {(aria) => (
            <input
              {...aria}
              name="number"
              dir="ltr"
              maxLength={64}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
        <button type="submit">{t('people.check.numberSubmit')}</button>
      </form>
      {busy && <p role="status">{t(busy === 'reading' ? 'people.check.reading' : 'people.check.checking')}</p>}
      {problem && (
        <p role="alert" tabIndex={-1} ref={problemRef} className="error">
          {t(problem)}
        </p>
      )}
      {failure !== undefined && <Failure error={failure} />}
      <div role="status" tabIndex={-1} ref={result} className="verdict-box">
        {v && (
          <section className={`card verdict ${v.status}`} aria-labelledby="verdict">
            <h2 id="verdict">{t(`people.check.${v.status}`)}</h2>
            {v.reason && <p>{t('people.check.reason', { reason: v.reason })}</p>}
            {c && (
              <dl className="facts" aria-label={t('people.check.facts')}>
                <div>
                  <dt>{t('people.check.kind')}</dt>
                  <dd>{t(`kinds.${c.kind}`, c.kind)}</dd>
                </div>
                <div>
                  <dt>{t('people.check.registrationNumber')}</dt>
                  <dd>
                    <span dir="ltr">{c.registrationNumber}</span>
                  </dd>
                </div>
                {name && (
                  <div>
                    <dt>{t('people.check.subject')}</dt>
                    <dd dir="auto">{name}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('people.check.nin')}</dt>
                  <dd>
                    <span dir="ltr">{c.subjectNin}</span>
                  </dd>
                </div>
                {c.copyNumber !== undefined && (
                  <div>
                    <dt>{t('people.check.copyNumber')}</dt>
                    <dd>
                      <span dir="ltr">{c.copyNumber}</span>
                    </dd>
                  </div>
                )}
                {c.registeredAt && (
                  <div>
                    <dt>{t('people.check.registeredAt')}</dt>
                    <dd>{formatDate(c.registeredAt, i18n.language)}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('people.check.issuedAt')}</dt>
                  <dd>{formatDate(c.issuedAt, i18n.language)}</dd>
                </div>
                <div>
                  <dt>{t('people.check.expiresAt')}</dt>
                  <dd>{formatDate(c.expiresAt, i18n.language)}</dd>
                </div>
                {c.revokedAt && (
                  <div>
                    <dt>{t('people.check.revokedAt')}</dt>
                    <dd>{formatDate(c.revokedAt, i18n.language)}</dd>
                  </div>
                )}
              </dl>
            )}
            {c?.newerExists && <p>{t('people.check.newer')}</p>}
            {c?.id && (
              // By the certificate's number, never by its token: the token holds the person's name and NIN.
              <p>
                <a href={`/verify/${encodeURIComponent(c.id)}`} target="_blank" rel="noreferrer noopener">
                  {t('people.check.servicePage')}
                </a>
              </p>
            )}
          </section>
        )}
      </div>
    </section>
  );
}
