import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { RecordView } from '../api/types';
import { useSession } from '../session/session';
import { Failure } from './Failure';
import { Field } from './Field';

const REGISTRARS = ['registrar', 'national-registrar'];

/**
 * Register or reject a declaration. Four eyes is shown, not only enforced: the registrar who
 * declared the record sees the Register button and why it does not act.
 */
export function Decision({
  record,
  onDone,
}: {
  record: RecordView;
  onDone: (what: 'registered' | 'rejected') => Promise<void>;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const own = record.declaredBy?.id === me?.id;
  // A possible duplicate is registered once a registrar has said it is not one (the service refuses with 409 before).
  const duplicate = record.flags.includes('possible-duplicate');
  const blocked = own || duplicate;

  if (!me || !REGISTRARS.includes(me.role))
    return (
      <section className="card" aria-labelledby="decide">
        <h2 id="decide">{t('record.decide')}</h2>
        <p>{t('record.notRegistrar')}</p>
      </section>
    );

  async function act(what: 'registered' | 'rejected', call: () => Promise<unknown>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await call();
      await onDone(what);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  const path = { params: { path: { id: record.id }, header: { 'idempotency-key': crypto.randomUUID() } } };
  const register = () => {
    if (blocked) return;
    void act('registered', () => must(api.POST('/v1/records/{id}/registration', path)));
  };
  const reject = () => {
    if (!reason.trim()) {
      setReasonMissing(true);
      reasonInput.current?.focus();
      return;
    }
    void act('rejected', () =>
      must(api.POST('/v1/records/{id}/rejection', { ...path, body: { reason: reason.trim() } })),
    );
  };

  return (
    <section className="card" aria-labelledby="decide">
      <h2 id="decide">{t('record.decide')}</h2>
      <div className="actions">
        <button
          type="button"
          onClick={register}
          aria-disabled={blocked || busy}
          aria-describedby={blocked ? 'four-eyes' : undefined}
        >
          {t('record.register')}
        </button>
        {blocked && (
          <p id="four-eyes" className="hint">
            {own ? t('record.ownDeclaration') : t('registrar.duplicates.registerFirst')}
          </p>
        )}
      </div>
      <Field
        name="decision-reason"
        label={t('record.reason')}
        hint={t('record.reasonHint')}
        error={reasonMissing ? t('check.required') : undefined}
      >
        {(aria) => (
          <textarea
            {...aria}
            ref={reasonInput}
            rows={2}
            value={reason}
            dir="auto"
            onChange={(e) => {
              setReason(e.target.value);
              setReasonMissing(false);
            }}
          />
        )}
      </Field>
      <button type="button" className="danger" onClick={reject} aria-disabled={busy}>
        {t('record.reject')}
      </button>
      {failure !== undefined && <Failure error={failure} />}
    </section>
  );
}
