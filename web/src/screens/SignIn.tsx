import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { textOf } from '../lib/form-data';
import { useSession } from '../session/session';

export function SignIn() {
  const { t } = useTranslation();
  const { signIn, ended } = useSession();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setFailure(undefined);
    try {
      await signIn(textOf(form, 'username'), textOf(form, 'password'));
    } catch (err) {
      const status = err instanceof ApiError ? err.problem.status : 0;
      setFailure(status === 0 ? 'problem.network' : status === 429 ? 'signIn.tooMany' : 'signIn.failed');
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1 tabIndex={-1}>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {ended && <p role="status">{t('problem.session')}</p>}
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('signIn.username')}
          <input name="username" autoComplete="username" required dir="auto" />
        </label>
        <label>
          {t('signIn.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {failure && (
          <p role="alert" className="error">
            {t(failure)}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <ul className="links">
        <li>
          <Link to="/activate">{t('people.nav.activate')}</Link>
        </li>
        <li>
          <Link to="/check">{t('people.nav.check')}</Link>
        </li>
      </ul>
    </section>
  );
}
