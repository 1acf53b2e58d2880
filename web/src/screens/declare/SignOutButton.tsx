import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session';
import { forget, useOutbox } from './outbox-state';

/**
 * Sign out: with declarations of this user still waiting in the outbox, says first that they will
 * be deleted from this computer, and asks; signing out then forgets them (the outbox keeps a
 * user's personal data no longer than their session on this computer).
 */
export function SignOutButton({ onSignOut }: { onSignOut: () => Promise<void> }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { mine } = useOutbox();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  const leave = async () => {
    setAsking(false);
    if (me) await forget(me.id);
    await onSignOut();
  };
  return (
    <>
      <button type="button" className="quiet" onClick={() => (mine > 0 ? setAsking(true) : void leave())}>
        {t('nav.signOut')}
      </button>
      {asking && (
        <div role="alertdialog" aria-labelledby="sign-out-warning" className="ask">
          <p id="sign-out-warning">{t('outbox.signOutWarning', { count: mine })}</p>
          <button type="button" ref={confirm} onClick={() => void leave()}>
            {t('outbox.signOutAnyway')}
          </button>
          <button type="button" className="quiet" onClick={() => setAsking(false)}>
            {t('outbox.stay')}
          </button>
        </div>
      )}
    </>
  );
}
