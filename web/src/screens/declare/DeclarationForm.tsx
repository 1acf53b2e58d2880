import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { bodyOf, checkValues, emptyValues, type Checked, type Values } from '../../lib/declaration';
import type { Declaration } from '../../lib/declarations';
import { today } from '../../lib/format';
import { fieldErrors } from '../../lib/problem';
import { useSession } from '../../session/session';
import { GOVERNORATES } from '../../lib/governorates';
import { Failure } from '../Failure';
import { Field } from '../Field';
import { keep } from './outbox-state';
import { offline, postDeclaration, type DeclarePath } from './send';

/** The birth form's checks have their keys under `check.`; those the other forms added, under `declare.check.`. */
const checkKey = (k: string) =>
  ['required', 'arabic', 'ninDigits', 'ninCheck', 'future'].includes(k) ? `check.${k}` : `declare.check.${k}`;

type Opts = { hint?: string; optional?: boolean };
/** What a form's body is built from: its controls, each a Field with the error beside it. */
export interface FormKit {
  value: (name: string) => string;
  set: (name: string, value: string) => void;
  error: (name: string) => string | undefined;
  text: (name: string, label: string, opts?: Opts & { nin?: boolean; numeric?: boolean }) => ReactNode;
  date: (name: string, label: string) => ReactNode;
  choice: (name: string, label: string, options: readonly (readonly [string, string])[], opts?: Opts) => ReactNode;
  governorate: (name: string, label: string) => ReactNode;
}

/**
 * The props of DeclarationForm a declaration's field list gives (all forms but the birth's):
 * its route, its fields' names and refusals, empty values, the checks of each field and the body.
 * `extraCheck` adds a form's own rule across fields (a cause's text needs its code).
 */
export function formOf(d: Declaration, extraCheck?: (v: Values) => Checked) {
  return {
    kind: d.kind,
    path: d.path,
    fields: d.fields.map((f) => f.name),
    codes: d.codes,
    empty: () => emptyValues(d.fields),
    check: (v: Values, day: string) => ({ ...extraCheck?.(v), ...checkValues(d.fields, v, day) }),
    body: (v: Values) => bodyOf(d.fields, v),
  };
}

/**
 * The shell every declaration form shares: checks what it can before sending, sends with one
 * Idempotency-Key per submission of the same facts (a change to any field makes a new one),
 * shows the service's field errors beside the fields and anything else above the form, and with
 * no link keeps the declaration in the outbox (with that key) to send when the link returns.
 */
export function DeclarationForm(props: {
  kind: string;
  title: string;
  path: DeclarePath;
  /** The field names the service's `errors` are matched to. */
  fields: readonly string[];
  /** Refusals (problem `code`) about one field. */
  codes: Record<string, string>;
  empty: () => Values;
  check: (v: Values, today: string) => Checked;
  body: (v: Values) => unknown;
  children: (kit: FormKit) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { me } = useSession();
  const [values, setValues] = useState<Values>(props.empty);
  // A check of ours is kept as its message key (shown in the language of the moment), the service's words as they came.
  const [errors, setErrors] = useState<Record<string, { key: string } | { text: string }>>({});
  const [failure, setFailure] = useState<unknown>();
  const [kept, setKept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (kept) notice.current?.focus();
  }, [kept]);

  const shown = (f: string) => {
    const e = errors[f];
    return e === undefined ? undefined : 'key' in e ? t(e.key) : e.text;
  };
  const set = (f: string, value: string) => {
    setKey(undefined);
    setKept(false);
    setValues((v) => ({ ...v, [f]: value }));
    // A field once changed no longer shows the error it had (the next submission checks it again).
    setErrors((e) => {
      if (!(f in e)) return e;
      const rest = { ...e };
      delete rest[f];
      return rest;
    });
  };
  const focusFirstError = () =>
    requestAnimationFrame(() => {
      // The first field to fix (the summary above is an alert, read out anyway), else the summary.
      const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? form.current?.querySelector<HTMLElement>('.summary'))?.focus();
    });

  async function keepForLater(sendKey: string, body: unknown) {
    if (!me) return;
    await keep({ key: sendKey, userId: me.id, kind: props.kind, path: props.path, body });
    setKey(undefined);
    setValues(props.empty());
    setKept(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    setKept(false);
    const found = props.check(values, today());
    if (Object.keys(found).length > 0) {
      setErrors(Object.fromEntries(Object.entries(found).map(([f, k]) => [f, { key: checkKey(k) }])));
      focusFirstError();
      return;
    }
    setErrors({});
    const sendKey = key ?? crypto.randomUUID();
    setKey(sendKey);
    const body = props.body(values);
    if (offline()) return keepForLater(sendKey, body);
    setBusy(true);
    const answer = await postDeclaration(props.path, body, sendKey);
    setBusy(false);
    if (answer.status === 0) return keepForLater(sendKey, body);
    if (answer.recordId) {
      await queries.invalidateQueries({ queryKey: ['workqueues'] });
      void navigate(`/records/${answer.recordId}`);
      return;
    }
    const problem = answer.problem ?? { status: answer.status };
    if (problem.status === 400 || problem.status === 409 || problem.status === 422) {
      const byField = fieldErrors(problem, props.fields, props.codes);
      setErrors(Object.fromEntries(Object.entries(byField).map(([f, text]) => [f, { text }])));
      focusFirstError();
    } else setFailure(new ApiError(problem));
  }

  const hintOf = (o: Opts = {}) =>
    [o.optional ? t('birth.optional') : '', o.hint ?? ''].filter(Boolean).join(' ') || undefined;
  const kit: FormKit = {
    value: (f) => values[f] ?? '',
    set,
    error: shown,
    text: (f, label, o = {}) => (
      <Field name={f} label={label} hint={hintOf(o)} error={shown(f)}>
        {(aria) => (
          <input
            {...aria}
            name={f}
            value={values[f] ?? ''}
            onChange={(e) => set(f, e.target.value)}
            {...(o.nin || o.numeric
              ? { dir: 'ltr', inputMode: 'numeric' as const, autoComplete: 'off' }
              : { dir: 'auto' })}
          />
        )}
      </Field>
    ),
    date: (f, label) => (
      <Field name={f} label={label} error={shown(f)}>
        {(aria) => (
          <input {...aria} type="date" max={today()} value={values[f] ?? ''} onChange={(e) => set(f, e.target.value)} />
        )}
      </Field>
    ),
    choice: (f, label, options, o = {}) => (
      <Field name={f} label={label} hint={hintOf(o)} error={shown(f)}>
        {(aria) => (
          <select {...aria} value={values[f] ?? ''} onChange={(e) => set(f, e.target.value)}>
            <option value="">{t('birth.choose')}</option>
            {options.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        )}
      </Field>
    ),
    governorate: (f, label) =>
      kit.choice(
        f,
        label,
        GOVERNORATES.map((g) => [g, t(`governorates.${g}`)] as const),
      ),
  };

  return (
    <section>
      <h1 tabIndex={-1}>{props.title}</h1>
      <p role="status" ref={notice} tabIndex={-1} className="notice">
        {kept && t('outbox.kept')}
      </p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        {Object.keys(errors).length > 0 && (
          <div className="summary error" role="alert" tabIndex={-1}>
            <p>{t('birth.fix')}</p>
            {errors[''] && <p>{shown('')}</p>}
          </div>
        )}
        {props.children(kit)}
        {failure !== undefined && <Failure error={failure} />}
        <button type="submit" disabled={busy}>
          {busy ? t('birth.sending') : t('birth.submit')}
        </button>
      </form>
    </section>
  );
}
