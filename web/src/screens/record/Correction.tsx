import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { RecordView } from '../../api/types';
import { today } from '../../lib/format';
import { fieldErrors, isProblem } from '../../lib/problem';
import { useSession } from '../../session/session';
import { Failure } from '../Failure';
import { Field } from '../Field';
import { GOVERNORATES } from '../../lib/governorates';
import {
  CORRECTABLE,
  CORRECTION_CODES,
  checkCorrection,
  correctionBody,
  errorFields,
  needsCourtOrder,
  valuesOf,
  type Correctable,
  type Evidence,
  type Values,
} from './correction-form';
import { REGISTRARS, type Notice } from './roles';

export interface Read {
  record: RecordView;
  etag: string;
}
type Shown = { key: string } | { text: string };
const noEvidence = (): Evidence => ({ court: '', reference: '', date: '', documentIds: [] });

/**
 * Corrects a registered record (POST …/corrections with If-Match: the ETag the record was read
 * with when the form opened): the kind's correctable facts, a reason, and the court order the
 * policy asks for (a `court-order` document attached under Documents, named by its id). A 412
 * says someone else changed the record and offers to read it again; nothing stale is kept.
 */
export function Correction({
  record,
  etag,
  reread,
  onDone,
}: Read & { reread: () => Promise<Read | undefined>; onDone: (notice: Notice) => Promise<void> }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [opened, setOpened] = useState<Read>();
  const [values, setValues] = useState<Values>({});
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<Evidence>(noEvidence);
  const [errors, setErrors] = useState<Record<string, Shown>>({});
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const key = useRef<string | undefined>(undefined);
  // The refusal is announced and focused once it is on the screen: its Reload button is next.
  useEffect(() => {
    if (stale) form.current?.querySelector<HTMLElement>('#correction-stale')?.focus();
  }, [stale]);

  if (!me || !REGISTRARS.includes(me.role))
    return (
      <section className="card" aria-labelledby="correct">
        <h2 id="correct">{t('registrar.correction.title')}</h2>
        <p>{t('registrar.correction.onlyRegistrar')}</p>
      </section>
    );

  const begin = (read: Read) => {
    setOpened(read);
    setValues(valuesOf(read.record));
    setReason('');
    setEvidence(noEvidence());
    setErrors({});
    setStale(false);
    setFailure(undefined);
    key.current = undefined;
  };
  const focus = (selector: string) =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(selector)?.focus());

  const shown = (f: string) => {
    const e = errors[f];
    return e === undefined ? undefined : 'key' in e ? t(e.key) : e.text;
  };

  async function reload() {
    const fresh = await reread();
    if (!fresh) return;
    begin(fresh);
    setReloaded(true);
    focus('#correction-reloaded');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!opened || busy) return;
    setFailure(undefined);
    setStale(false);
    setReloaded(false);
    const found = checkCorrection(opened.record, values, reason, evidence, today());
    if (Object.keys(found).length > 0) {
      setErrors(Object.fromEntries(Object.entries(found).map(([f, k]) => [f, { key: k }])));
      focus('[aria-invalid="true"], .summary');
      return;
    }
    setErrors({});
    setBusy(true);
    key.current ??= crypto.randomUUID();
    const answer = await api
      .POST('/v1/records/{id}/corrections', {
        params: {
          path: { id: opened.record.id },
          header: { 'if-match': opened.etag, 'idempotency-key': key.current },
        },
        body: correctionBody(opened.record, values, reason, evidence),
      })
      .catch(() => undefined);
    setBusy(false);
    if (answer?.data) {
      setOpened(undefined);
      await onDone({ key: 'registrar.correction.done' });
      return;
    }
    const problem = answer && isProblem(answer.error) ? answer.error : { status: answer?.response.status ?? 0 };
    if (problem.status === 412) {
      setStale(true);
      return;
    }
    if ([400, 422, 428].includes(problem.status)) {
      const byField = fieldErrors(problem, errorFields(opened.record), CORRECTION_CODES);
      setErrors(
        Object.fromEntries(
          Object.entries(byField).map(([f, text]) => [f.startsWith('changes.') ? f.slice(8) : f, { text }]),
        ),
      );
      focus('[aria-invalid="true"], .summary');
      return;
    }
    setFailure(new ApiError(problem));
  }

  if (!opened)
    return (
      <section className="card" aria-labelledby="correct">
        <h2 id="correct">{t('registrar.correction.title')}</h2>
        <p>{t('registrar.correction.intro')}</p>
        <button type="button" className="quiet" aria-expanded="false" onClick={() => begin({ record, etag })}>
          {t('registrar.correction.open')}
        </button>
      </section>
    );

  const r = opened.record;
  const courtOrders = record.documents.filter((d) => d.type === 'court-order');
  const needed = needsCourtOrder(r, values);
  const set = (f: string) => (e: { target: { value: string } }) => {
    key.current = undefined;
    setValues((v) => ({ ...v, [f]: e.target.value }));
  };
  const setEv = (patch: Partial<Evidence>) => {
    key.current = undefined;
    setEvidence((v) => ({ ...v, ...patch }));
  };
  const control = (f: Correctable) => (
    <Field key={f.path} name={`correction.${f.path}`} label={t(f.label)} error={shown(f.path)}>
      {(aria) =>
        f.type === 'sex' ? (
          <select {...aria} value={values[f.path] ?? ''} onChange={set(f.path)}>
            <option value="">{t('birth.choose')}</option>
            <option value="female">{t('birth.female')}</option>
            <option value="male">{t('birth.male')}</option>
          </select>
        ) : f.type === 'governorate' ? (
          <select {...aria} value={values[f.path] ?? ''} onChange={set(f.path)}>
            <option value="">{t('birth.choose')}</option>
            {GOVERNORATES.map((g) => (
              <option key={g} value={g}>
                {t(`governorates.${g}`)}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...aria}
            value={values[f.path] ?? ''}
            onChange={set(f.path)}
            {...(f.type === 'date'
              ? { type: 'date', max: today() }
              : f.type === 'number' || f.type === 'icd10'
                ? { dir: 'ltr', inputMode: f.type === 'number' ? ('numeric' as const) : undefined }
                : { dir: 'auto' })}
          />
        )
      }
    </Field>
  );

  return (
    <section className="card" aria-labelledby="correct">
      <h2 id="correct">{t('registrar.correction.title')}</h2>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <p id="correction-reloaded" role="status" tabIndex={-1} className="notice">
          {reloaded && t('registrar.correction.reloaded')}
        </p>
        {stale && (
          <div id="correction-stale" className="summary error" role="alert" tabIndex={-1}>
            <p>{t('registrar.correction.stale')}</p>
            <button type="button" onClick={() => void reload()}>
              {t('registrar.correction.reload')}
            </button>
          </div>
        )}
        {Object.keys(errors).length > 0 && (
          <div className="summary error" role="alert" tabIndex={-1}>
            <p>{t('registrar.correction.fix')}</p>
            {errors[''] && <p>{shown('')}</p>}
          </div>
        )}
        <fieldset>
          <legend>{t('registrar.correction.facts')}</legend>
          <p className="hint">{t('registrar.correction.intro')}</p>
          {CORRECTABLE[r.kind].map(control)}
        </fieldset>
        <Field name="correction.reason" label={t('registrar.correction.reason')} error={shown('reason')}>
          {(aria) => (
            <textarea
              {...aria}
              rows={2}
              dir="auto"
              value={reason}
              onChange={(e) => {
                key.current = undefined;
                setReason(e.target.value);
              }}
            />
          )}
        </Field>
        <fieldset
          id="correction-evidence"
          tabIndex={-1}
          aria-describedby={errors.evidence ? 'correction-evidence-error' : 'correction-evidence-hint'}
        >
          <legend>{t('registrar.correction.evidence')}</legend>
          <p id="correction-evidence-hint" className="hint">
            {needed ? t('registrar.correction.needed') : t('registrar.correction.evidenceHint')}
          </p>
          {errors.evidence && (
            <p id="correction-evidence-error" className="error">
              {shown('evidence')}
            </p>
          )}
          <Field
            name="correction.court"
            label={t('registrar.correction.court')}
            error={shown('evidence.courtOrder.court')}
          >
            {(aria) => (
              <input {...aria} dir="auto" value={evidence.court} onChange={(e) => setEv({ court: e.target.value })} />
            )}
          </Field>
          <Field
            name="correction.reference"
            label={t('registrar.correction.reference')}
            error={shown('evidence.courtOrder.reference')}
          >
            {(aria) => (
              <input
                {...aria}
                dir="ltr"
                value={evidence.reference}
                onChange={(e) => setEv({ reference: e.target.value })}
              />
            )}
          </Field>
          <Field
            name="correction.date"
            label={t('registrar.correction.date')}
            error={shown('evidence.courtOrder.date')}
          >
            {(aria) => (
              <input
                {...aria}
                type="date"
                max={today()}
                value={evidence.date}
                onChange={(e) => setEv({ date: e.target.value })}
              />
            )}
          </Field>
          <fieldset
            className="choices"
            aria-describedby={shown('evidence.documentIds') ? 'correction-documents-error' : undefined}
          >
            <legend>{t('registrar.correction.documents')}</legend>
            {courtOrders.length === 0 && <p className="hint">{t('registrar.correction.noCourtOrders')}</p>}
            {courtOrders.map((d) => (
              <label key={d.id} className="choice">
                <input
                  type="checkbox"
                  checked={evidence.documentIds.includes(d.id)}
                  aria-invalid={shown('evidence.documentIds') ? true : undefined}
                  onChange={(e) =>
                    setEv({
                      documentIds: e.target.checked
                        ? [...evidence.documentIds, d.id]
                        : evidence.documentIds.filter((x) => x !== d.id),
                    })
                  }
                />
                {t('registrar.documents.name', { type: t('registrar.documents.types.court-order'), id: d.id })}
              </label>
            ))}
            {shown('evidence.documentIds') && (
              <span id="correction-documents-error" className="error">
                {shown('evidence.documentIds')}
              </span>
            )}
          </fieldset>
        </fieldset>
        {failure !== undefined && <Failure error={failure} />}
        <div className="actions row">
          <button type="submit" aria-disabled={busy}>
            {busy ? t('registrar.correction.sending') : t('registrar.correction.submit')}
          </button>
          <button type="button" className="quiet" onClick={() => setOpened(undefined)}>
            {t('registrar.correction.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
