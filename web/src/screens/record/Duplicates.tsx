import { useQueries } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import type { RecordView } from '../../api/types';
import { formatDate } from '../../lib/format';
import { useSession } from '../../session/session';
import { Failure } from '../Failure';
import { Field } from '../Field';
import { compareRows, matches } from './compare';
import { REGISTRARS, type Notice } from './roles';

type Decision = 'not-duplicate' | 'duplicate';

/**
 * A record flagged as a possible duplicate beside the records it may repeat (each read with
 * GET /v1/records/{id}), and the registrar's decision (POST …/duplicate-review) with its reason.
 * Four eyes: the declarer sees the buttons and why they do not act.
 */
export function Duplicates({ record, onDone }: { record: RecordView; onDone: (notice: Notice) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const candidates = record.duplicates ?? [];
  const reads = useQueries({
    queries: candidates.map((c) => ({
      queryKey: ['record', c.recordId, 'candidate'],
      queryFn: () => must(api.GET('/v1/records/{id}', { params: { path: { id: c.recordId } } })),
    })),
  });
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [duplicateOf, setDuplicateOf] = useState(candidates[0]?.recordId ?? '');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const lang = i18n.language;

  const own = record.declaredBy.id === me?.id;
  const registrar = me !== undefined && REGISTRARS.includes(me.role);
  const open = record.status === 'declared' && !record.duplicateReview;
  const blocked = own || !registrar;
  const why = own ? t('registrar.duplicates.own') : t('registrar.duplicates.notRegistrar');

  const ownRows = compareRows(record, t, lang);
  const rows = ownRows.map((row) => ({
    ...row,
    others: reads.map((q) => (q.data ? compareRows(q.data, t, lang).find((r) => r.key === row.key)?.value : undefined)),
  }));

  async function decide(decision: Decision) {
    if (blocked || busy) return;
    if (!reason.trim()) {
      setReasonMissing(true);
      reasonInput.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const body = {
        decision,
        reason: reason.trim(),
        ...(decision === 'duplicate' && duplicateOf ? { duplicateOf } : {}),
      };
      const reviewed = await must(
        api.POST('/v1/records/{id}/duplicate-review', {
          params: { path: { id: record.id }, header: { 'idempotency-key': crypto.randomUUID() } },
          body,
        }),
      );
      await onDone({
        key: `registrar.duplicates.done.${decision}`,
        params: { status: reviewed.status },
      });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="duplicates">
      <h2 id="duplicates">{t('registrar.duplicates.title')}</h2>
      <p>{t('registrar.duplicates.intro')}</p>
      <div className="compare">
        <table>
          <caption>{t('registrar.duplicates.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registrar.duplicates.fact')}</th>
              <th scope="col">{t('registrar.duplicates.thisRecord')}</th>
              {candidates.map((c, i) => (
                <th scope="col" key={c.recordId}>
                  {t('registrar.duplicates.candidate', { n: i + 1 })}
                  <span className="hint">{t('registrar.duplicates.score', { score: Math.round(c.score * 100) })}</span>
                  <Link to={`/records/${c.recordId}`} className="hint" dir="ltr">
                    {c.recordId}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td dir="auto">{row.value}</td>
                {candidates.map((c, i) => {
                  const alike = matches(c.reasons, row.key);
                  return (
                    <td key={c.recordId} className={alike ? 'alike' : undefined}>
                      <span dir="auto">{row.others[i] ?? ''}</span>
                      {alike && <span className="hint">{t('registrar.duplicates.alike')}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reads.map((q, i) => q.error && <Failure key={candidates[i]?.recordId ?? i} error={q.error} />)}
      {record.duplicateReview ? (
        <p>
          {t(`registrar.duplicates.reviewed.${record.duplicateReview.decision}`, {
            at: formatDate(record.duplicateReview.at, lang),
            reason: record.duplicateReview.reason,
          })}
        </p>
      ) : (
        open && (
          <div className="review">
            <Field
              name="duplicate-reason"
              label={t('registrar.duplicates.reason')}
              hint={t('registrar.duplicates.reasonHint')}
              error={reasonMissing ? t('check.required') : undefined}
            >
              {(aria) => (
                <textarea
                  {...aria}
                  ref={reasonInput}
                  rows={2}
                  dir="auto"
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    setReasonMissing(false);
                  }}
                />
              )}
            </Field>
            {candidates.length > 1 && (
              <div className="field">
                <label htmlFor="duplicate-of">{t('registrar.duplicates.duplicateOf')}</label>
                <select id="duplicate-of" value={duplicateOf} onChange={(e) => setDuplicateOf(e.target.value)}>
                  {candidates.map((c, i) => (
                    <option key={c.recordId} value={c.recordId}>
                      {t('registrar.duplicates.candidate', { n: i + 1 })}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="actions row">
              <button
                type="button"
                onClick={() => void decide('not-duplicate')}
                aria-disabled={blocked || busy}
                aria-describedby={blocked ? 'duplicates-why' : undefined}
              >
                {t('registrar.duplicates.notDuplicate')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => void decide('duplicate')}
                aria-disabled={blocked || busy}
                aria-describedby={blocked ? 'duplicates-why' : undefined}
              >
                {t('registrar.duplicates.duplicate')}
              </button>
            </div>
            {blocked && (
              <p id="duplicates-why" className="hint">
                {why}
              </p>
            )}
          </div>
        )
      )}
      {failure !== undefined && <Failure error={failure} />}
    </section>
  );
}
