import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session/session';
import { dismiss, recount, sendNow, useOutbox } from './outbox-state';

/**
 * What waits in the outbox, under the header on every screen (a live region: a change is read
 * out), and what the last rounds sent or had refused. Sends the signed-in user's waiting
 * declarations on start-up, on signing in and when the link returns (`online`). Registers the
 * service worker that lets the console open again without a link (public/sw.js).
 */
export function OutboxPanel() {
  const { t } = useTranslation();
  const { me } = useSession();
  const outbox = useOutbox();
  const userId = me?.id;

  useEffect(() => {
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!userId) {
      void recount(undefined);
      return;
    }
    void sendNow(userId);
    const back = () => void sendNow(userId);
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [userId]);

  const waiting = userId ? outbox.mine : outbox.waiting;
  return (
    <div className="outbox">
      <p role="status">
        {waiting > 0 && (
          <>
            {t('outbox.waiting', { count: waiting })} {!userId && t('outbox.waitingSignedOut')}
          </>
        )}
      </p>
      {outbox.outcomes.length > 0 && (
        <ul aria-label={t('outbox.outcomes')}>
          {outbox.outcomes.map((o) => (
            <li key={o.entry.key} className={o.what === 'refused' ? 'error' : undefined}>
              {o.what === 'sent' ? (
                <>
                  {t('outbox.sent', { kind: t(`kinds.${o.entry.kind}`) })}{' '}
                  {o.recordId && <Link to={`/records/${o.recordId}`}>{t('outbox.open')}</Link>}
                </>
              ) : (
                t('outbox.refused', {
                  kind: t(`kinds.${o.entry.kind}`),
                  detail: o.problem.detail ?? o.problem.title ?? String(o.problem.status),
                })
              )}{' '}
              <button type="button" className="quiet" onClick={() => dismiss(o.entry.key)}>
                {t('outbox.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
