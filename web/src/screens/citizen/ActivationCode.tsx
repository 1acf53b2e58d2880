import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusLater } from '../../lib/focus-later';
import { api, ApiError, must } from '../../api/client';
import { formatDate } from '../../lib/format';
import { Failure } from '../Failure';

/** The roles that may hand out activation codes (openapi: issueActivationCode). */
export const CODE_ROLES = ['officer', 'registrar', 'national-registrar', 'service-clerk'];

/**
 * Makes a person's one-time activation code (POST /v1/persons/{nin}/activation-code) and shows
 * it once, with its expiry, for the officer to write down: it lives in this component's state
 * only and is gone when the screen changes.
 */
export function ActivationCode({ nin, name }: { nin: string; name: string }) {
  const { t, i18n } = useTranslation();
  const later = useFocusLater();
  const [made, setMade] = useState<{ code: string; expiresAt: string } | undefined>();
  const [already, setAlready] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLParagraphElement>(null);

  async function make() {
    setFailure(undefined);
    setBusy(true);
    try {
      setMade(await must(api.POST('/v1/persons/{nin}/activation-code', { params: { path: { nin } } })));
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 409) setAlready(true);
      else setFailure(e);
    }
    setBusy(false);
    later(() => result.current?.focus());
  }

  if (made)
    return (
      <p role="status" tabIndex={-1} ref={result} className="code-made">
        {t('people.code.made', { name, expires: formatDate(made.expiresAt, i18n.language) })}{' '}
        <code dir="ltr" className="one-time">
          {made.code}
        </code>{' '}
        {t('people.code.once')}
      </p>
    );
  if (already)
    return (
      <p role="status" tabIndex={-1} ref={result}>
        {t('people.code.already')}
      </p>
    );
  return (
    <>
      <button
        type="button"
        className="quiet"
        disabled={busy}
        aria-label={t('people.code.makeFor', { name })}
        onClick={() => void make()}
      >
        {t('people.code.make')}
      </button>
      {failure !== undefined && <Failure error={failure} />}
    </>
  );
}
