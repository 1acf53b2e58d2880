import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import type { RecordView } from '../../api/types';
import { Failure } from '../Failure';
import { Field } from '../Field';
import type { Notice } from './roles';

/**
 * Voids a registered record (POST …/voiding) with the registrar's reason: the record is then
 * Voided and the service revokes every certificate issued of it.
 */
export function Voiding({ record, onDone }: { record: RecordView; onDone: (notice: Notice) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const key = useRef<string | undefined>(undefined);

  async function act() {
    if (busy) return;
    if (!reason.trim()) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    key.current ??= crypto.randomUUID();
    try {
      const voided = await must(
        api.POST('/v1/records/{id}/voiding', {
          params: { path: { id: record.id }, header: { 'idempotency-key': key.current } },
          body: { reason: reason.trim() },
        }),
      );
      await onDone({ key: 'registrar.voiding.done', params: { count: voided.certificatesIssued } });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="void">
      <h2 id="void">{t('registrar.voiding.title')}</h2>
      <p>{t('registrar.voiding.intro')}</p>
      <Field name="void-reason" label={t('registrar.voiding.reason')} error={missing ? t('check.required') : undefined}>
        {(aria) => (
          <textarea
            {...aria}
            ref={input}
            rows={2}
            dir="auto"
            value={reason}
            onChange={(e) => {
              key.current = undefined;
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        )}
      </Field>
      <button type="button" className="danger" onClick={() => void act()} aria-disabled={busy}>
        {t('registrar.voiding.submit')}
      </button>
      {failure !== undefined && <Failure error={failure} />}
    </section>
  );
}
