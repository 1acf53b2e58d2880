import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { RecordView } from '../../api/types';
import { bodyOf, checkValues, emptyValues, type FieldSpec, type Values } from '../../lib/declaration';
import { fieldErrors, isProblem, type Problem } from '../../lib/problem';
import { Failure } from '../Failure';
import { Field } from '../Field';

const FIELDS: readonly FieldSpec[] = [
  { name: 'child.givenName', type: 'name', required: true },
  { name: 'child.fatherName', type: 'name' },
  { name: 'child.grandfatherName', type: 'name' },
  { name: 'child.familyName', type: 'name' },
  { name: 'reason', type: 'text' },
];
const NAMES = FIELDS.map((f) => f.name);

/**
 * A hospital's notification declares a birth without the child's names (queue `incomplete`): the
 * officer fills them in as the parents give them, a correction of the declared record
 * (POST /v1/records/{id}/corrections with If-Match: the ETag of the record as read just before).
 * Shown only on such a record; after saving, focus moves to what it did.
 */
export function CompleteBirth({ record, onDone }: { record: RecordView; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => emptyValues(FIELDS));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) notice.current?.focus();
  }, [done]);

  const incomplete = record.kind === 'birth' && record.status === 'declared' && !record.child?.givenName;
  if (!incomplete && !done) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const found = checkValues(FIELDS, values, '9999-12-31');
    if (Object.keys(found).length > 0)
      return setErrors(Object.fromEntries(Object.entries(found).map(([f, k]) => [f, t(`check.${k}`)])));
    setErrors({});
    setBusy(true);
    const { reason = t('complete.defaultReason'), ...names } = bodyOf(FIELDS, values) as {
      reason?: string;
      child: object;
    };
    const read = await api.GET('/v1/records/{id}', { params: { path: { id: record.id } } }).catch(() => undefined);
    const etag = read?.response.headers.get('ETag');
    const answer = etag
      ? await api
          .POST('/v1/records/{id}/corrections', {
            params: { path: { id: record.id }, header: { 'if-match': etag } },
            body: { changes: names, reason } as never,
          })
          .catch(() => undefined)
      : undefined;
    setBusy(false);
    if (answer?.response.ok) {
      setDone(true);
      await onDone();
      return;
    }
    const problem: Problem =
      answer && isProblem(answer.error)
        ? answer.error
        : { status: answer?.response.status ?? read?.response.status ?? 0 };
    const byField = fieldErrors(
      { ...problem, errors: problem.errors?.map((x) => ({ ...x, path: x.path.replace(/^body\.changes\./, 'body.') })) },
      NAMES,
    );
    if (problem.status === 400 || problem.status === 422) setErrors(byField);
    else setFailure(new ApiError(problem));
  }

  const field = (f: string, label: string, hint?: string) => (
    <Field name={`complete.${f}`} label={label} hint={hint} error={errors[f]}>
      {(aria) => (
        <input
          {...aria}
          dir="auto"
          value={values[f] ?? ''}
          onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
        />
      )}
    </Field>
  );
  return (
    <section aria-labelledby="complete" className="card">
      <h2 id="complete">{t('complete.title')}</h2>
      <p role="status" ref={notice} tabIndex={-1} className="notice">
        {done && t('complete.done')}
      </p>
      {!done && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('complete.intro')}</p>
          {errors[''] && (
            <p role="alert" className="error">
              {errors['']}
            </p>
          )}
          {field('child.givenName', t('birth.givenName'), t('birth.namesHint'))}
          {field('child.fatherName', t('birth.fatherName'), t('birth.optional'))}
          {field('child.grandfatherName', t('birth.grandfatherName'), t('birth.optional'))}
          {field('child.familyName', t('birth.familyName'), t('birth.optional'))}
          {field('reason', t('complete.reason'), t('complete.reasonHint', { reason: t('complete.defaultReason') }))}
          {failure !== undefined && <Failure error={failure} />}
          <button type="submit" disabled={busy}>
            {t('complete.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
