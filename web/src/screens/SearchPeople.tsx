import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { formatDate } from '../lib/format';
import { latinDigits } from '../lib/nin';
import { textOf } from '../lib/form-data';
import { Failure } from './Failure';
import { ActivationCode, CODE_ROLES } from './citizen/ActivationCode';
import { EXTRACT_ROLES, PersonExtract } from './PersonExtract';
import { useSession } from '../session/session';

/**
 * Search people by name (the service folds Arabic spellings), NIN and date of birth. What was
 * searched for stays in this screen's memory: never in the page's URL or history.
 */
export function SearchPeople() {
  const { t, i18n } = useTranslation();
  const role = useSession().me?.role ?? '';
  const codes = CODE_ROLES.includes(role);
  const extracts = EXTRACT_ROLES.includes(role);
  const [asked, setAsked] = useState<{ q?: string; dateOfBirth?: string } | undefined>();
  const [missing, setMissing] = useState(false);
  const found = useQuery({
    queryKey: ['persons', asked],
    enabled: asked !== undefined,
    queryFn: async () => {
      // A NIN typed in the search box (Latin or Arabic-Indic digits) is that one person, read by NIN.
      const nin = asked?.q && /^[0-9٠-٩]{12}$/.test(asked.q.replace(/\s/g, '')) ? latinDigits(asked.q) : undefined;
      if (!nin) return must(api.GET('/v1/persons', { params: { query: { ...asked, limit: 20 } } }));
      const one = await api.GET('/v1/persons/{nin}', { params: { path: { nin } } });
      return { items: one.data && one.response.ok ? [one.data] : [], nextCursor: null };
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const q = textOf(form, 'q').trim();
    const dateOfBirth = textOf(form, 'dateOfBirth');
    setMissing(!q && !dateOfBirth);
    if (q || dateOfBirth) setAsked({ ...(q ? { q } : {}), ...(dateOfBirth ? { dateOfBirth } : {}) });
  }

  return (
    <section>
      <h1 tabIndex={-1}>{t('search.title')}</h1>
      <form role="search" onSubmit={submit} className="search">
        <div className="field">
          <label htmlFor="q">{t('search.q')}</label>
          <span id="q-hint" className="hint">
            {t('search.hint')}
          </span>
          <input id="q" name="q" type="search" minLength={2} dir="auto" aria-describedby="q-hint" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="dob">{t('search.dateOfBirth')}</label>
          <input id="dob" name="dateOfBirth" type="date" />
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      {missing && <p role="alert">{t('search.needSomething')}</p>}
      {found.isFetching && <p role="status">{t('app.loading')}</p>}
      {found.error && <Failure error={found.error} />}
      {found.data && (
        <>
          <p role="status">
            {found.data.items.length === 0 ? t('search.none') : t('search.results', { count: found.data.items.length })}
          </p>
          {found.data.items.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('search.name')}</th>
                  <th scope="col">{t('search.nin')}</th>
                  <th scope="col">{t('search.dateOfBirth')}</th>
                  <th scope="col">{t('search.sex')}</th>
                  <th scope="col">{t('search.personStatus')}</th>
                  {codes && <th scope="col">{t('people.code.column')}</th>}
                  {extracts && <th scope="col">{t('extract.column')}</th>}
                </tr>
              </thead>
              <tbody>
                {found.data.items.map((p) => (
                  <tr key={p.nin}>
                    <td>{fullName(p.name)}</td>
                    <td dir="ltr">{p.nin}</td>
                    <td>{formatDate(p.dateOfBirth, i18n.language)}</td>
                    <td>{t(`birth.${p.sex}`)}</td>
                    <td>{t(`search.${p.status}`)}</td>
                    {codes && (
                      <td>
                        {p.status === 'alive' && (
                          <ActivationCode
                            nin={p.nin}
                            name={[p.name.givenName, p.name.fatherName, p.name.grandfatherName].join(' ')}
                          />
                        )}
                      </td>
                    )}
                    {extracts && (
                      <td>
                        <PersonExtract nin={p.nin} name={fullName(p.name)} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** A person's names in the register's order: given, father's, grandfather's, family. */
const fullName = (n: { givenName: string; fatherName: string; grandfatherName: string; familyName?: string }) =>
  [n.givenName, n.fatherName, n.grandfatherName, n.familyName].filter(Boolean).join(' ');
