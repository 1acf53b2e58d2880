import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusLater } from '../../lib/focus-later';
import { api, ApiError, must } from '../../api/client';
import type { Schemas } from '../../api/types';
import { fieldErrors, isProblem } from '../../lib/problem';
import { Failure } from '../Failure';
import { Field } from '../Field';

/** The roles an admin gives (openapi CreateUser, ChangeUser); citizens open their own accounts. */
const STAFF_ROLES = ['officer', 'registrar', 'national-registrar', 'auditor', 'admin'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];
const LIST_ROLES = [...STAFF_ROLES, 'citizen'] as const;
const FIELDS = ['username', 'password', 'role', 'office'] as const;
type UserField = (typeof FIELDS)[number];
type Shown = { key: string } | { text: string };

/** The offices (GET /v1/offices), for the choices of an account's office. */
function useOffices() {
  return useQuery({ queryKey: ['offices'], queryFn: () => must(api.GET('/v1/offices')), staleTime: 600_000 });
}

/** Accounts for admins: create one (POST /v1/users), list them (GET /v1/users), change role, office, or disable (PATCH). */
export function Users() {
  const { t } = useTranslation();
  const [role, setRole] = useState<(typeof LIST_ROLES)[number] | ''>('');
  const users = useInfiniteQuery({
    queryKey: ['users', role],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(api.GET('/v1/users', { params: { query: { limit: 50, cursor: pageParam, ...(role ? { role } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section>
      <h1 tabIndex={-1}>{t('people.users.title')}</h1>
      <NewUser />
      <section aria-labelledby="accounts">
        <h2 id="accounts">{t('people.users.list')}</h2>
        <div className="field">
          <label htmlFor="users-role">{t('people.users.filterRole')}</label>
          <select id="users-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <option value="">{t('people.users.allRoles')}</option>
            {LIST_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {users.isPending && <p role="status">{t('app.loading')}</p>}
        {users.error && <Failure error={users.error} />}
        {items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('people.users.username')}</th>
                <th scope="col">{t('people.users.role')}</th>
                <th scope="col">{t('people.users.office')}</th>
                <th scope="col">{t('people.users.status')}</th>
                <th scope="col">{t('people.users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <UserRow key={u.id} user={u} />
              ))}
            </tbody>
          </table>
        )}
        {users.hasNextPage && (
          <button type="button" className="quiet" onClick={() => void users.fetchNextPage()}>
            {t('people.users.more')}
          </button>
        )}
      </section>
    </section>
  );
}

function NewUser() {
  const { t } = useTranslation();
  const later = useFocusLater();
  const queries = useQueryClient();
  const offices = useOffices();
  const empty = { username: '', password: '', role: '', office: '' };
  const [values, setValues] = useState<Record<UserField, string>>(empty);
  const [errors, setErrors] = useState<Partial<Record<UserField | '', Shown>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [created, setCreated] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const shown = (f: UserField | '') => {
    const e = errors[f];
    return e === undefined ? undefined : 'key' in e ? t(e.key) : e.text;
  };
  const set = (f: UserField) => (e: { target: { value: string } }) => {
    setCreated(undefined);
    setValues((v) => ({ ...v, [f]: e.target.value }));
  };
  const focusFirstError = () =>
    later(() => {
      const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? form.current?.querySelector<HTMLElement>('.summary'))?.focus();
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    setCreated(undefined);
    const found: Partial<Record<UserField, Shown>> = {};
    if (!/^[a-z0-9._-]{3,64}$/.test(values.username))
      found.username = { key: values.username ? 'people.users.badUsername' : 'check.required' };
    if (values.password.length < 12)
      found.password = { key: values.password ? 'people.users.short' : 'check.required' };
    if (!values.role) found.role = { key: 'check.required' };
    if (!values.office) found.office = { key: 'check.required' };
    if (Object.keys(found).length > 0) {
      setErrors(found);
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    const answer = await api
      .POST('/v1/users', { body: { ...values, role: values.role as StaffRole } })
      .catch(() => undefined);
    setBusy(false);
    if (answer?.data) {
      setCreated(answer.data.username);
      setValues(empty);
      await queries.invalidateQueries({ queryKey: ['users'] });
      later(() => done.current?.focus());
      return;
    }
    const problem = answer && isProblem(answer.error) ? answer.error : { status: answer?.response.status ?? 0 };
    if (problem.status === 400 || problem.status === 409 || problem.status === 422) {
      const byField = fieldErrors(problem, FIELDS, { 'weak-password': 'password', 'username-taken': 'username' });
      setErrors(Object.fromEntries(Object.entries(byField).map(([f, text]) => [f, { text }])));
      focusFirstError();
    } else setFailure(new ApiError(problem));
  }

  return (
    <section aria-labelledby="new-user" className="card">
      <h2 id="new-user">{t('people.users.create')}</h2>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        {Object.keys(errors).length > 0 && (
          <div className="summary error" role="alert" tabIndex={-1}>
            <p>{t('people.users.fix')}</p>
            {errors[''] && <p>{shown('')}</p>}
          </div>
        )}
        <Field
          name="user-username"
          label={t('people.users.username')}
          hint={t('people.users.usernameHint')}
          error={shown('username')}
        >
          {(aria) => (
            <input
              {...aria}
              value={values.username}
              onChange={set('username')}
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          name="user-password"
          label={t('people.users.password')}
          hint={t('people.users.passwordHint')}
          error={shown('password')}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              value={values.password}
              onChange={set('password')}
              autoComplete="new-password"
            />
          )}
        </Field>
        <Field name="user-role" label={t('people.users.role')} error={shown('role')}>
          {(aria) => (
            <select {...aria} value={values.role} onChange={set('role')}>
              <option value="">{t('people.users.choose')}</option>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="user-office" label={t('people.users.office')} error={shown('office')}>
          {(aria) => (
            <select {...aria} value={values.office} onChange={set('office')}>
              <option value="">{t('people.users.choose')}</option>
              {offices.data?.items.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code} · {t(`governorates.${o.governorate}`, o.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {failure !== undefined && <Failure error={failure} />}
        <button type="submit" disabled={busy}>
          {t('people.users.submit')}
        </button>
        <p role="status" tabIndex={-1} ref={done} className="notice">
          {created && t('people.users.created', { username: created })}
        </p>
      </form>
    </section>
  );
}

/** One account: its role and office to change and save, and disable or enable. */
function UserRow({ user }: { user: Schemas['User'] }) {
  const { t } = useTranslation();
  const later = useFocusLater();
  const queries = useQueryClient();
  const offices = useOffices();
  const [role, setRole] = useState(user.role);
  const [office, setOffice] = useState(user.office);
  const [failure, setFailure] = useState<unknown>();
  const [changed, setChanged] = useState(false);
  const status = useRef<HTMLSpanElement>(null);
  const staff = (STAFF_ROLES as readonly string[]).includes(user.role);
  const id = user.id;

  async function change(body: Schemas['ChangeUser']) {
    setFailure(undefined);
    setChanged(false);
    try {
      await must(api.PATCH('/v1/users/{id}', { params: { path: { id } }, body }));
      setChanged(true);
      await queries.invalidateQueries({ queryKey: ['users'] });
      later(() => status.current?.focus());
    } catch (e) {
      setFailure(e);
    }
  }
  const edited = role !== user.role || office !== user.office;

  return (
    <tr>
      <td dir="ltr">{user.username}</td>
      <td>
        {staff ? (
          <select
            aria-label={t('people.users.roleOf', { username: user.username })}
            value={role}
            onChange={(e) => setRole(e.target.value)}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`roles.${user.role}`, user.role)
        )}
      </td>
      <td>
        {staff ? (
          <select
            aria-label={t('people.users.officeOf', { username: user.username })}
            value={office}
            onChange={(e) => setOffice(e.target.value)}
          >
            {(offices.data?.items ?? [{ code: user.office }]).map((o) => (
              <option key={o.code} value={o.code}>
                {o.code}
              </option>
            ))}
          </select>
        ) : (
          <span dir="ltr">{user.office}</span>
        )}
      </td>
      <td>{user.disabled ? t('people.users.disabled') : t('people.users.active')}</td>
      <td>
        <div className="row-actions">
          {staff && (
            <button
              type="button"
              disabled={!edited}
              aria-label={t('people.users.saveFor', { username: user.username })}
              onClick={() =>
                void change({
                  ...(role !== user.role ? { role: role as StaffRole } : {}),
                  ...(office !== user.office ? { office } : {}),
                })
              }
            >
              {t('people.users.save')}
            </button>
          )}
          <button
            type="button"
            className="quiet"
            aria-label={t(user.disabled ? 'people.users.enableFor' : 'people.users.disableFor', {
              username: user.username,
            })}
            onClick={() => void change({ disabled: !user.disabled })}
          >
            {user.disabled ? t('people.users.enable') : t('people.users.disable')}
          </button>
          <span role="status" tabIndex={-1} ref={status}>
            {changed && t('people.users.changed', { username: user.username })}
          </span>
        </div>
        {failure !== undefined && <Failure error={failure} />}
      </td>
    </tr>
  );
}
