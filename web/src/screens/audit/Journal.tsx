import { useInfiniteQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusLater } from '../../lib/focus-later';
import { api, must } from '../../api/client';
import type { JournalEntry } from '../../api/types';
import { typeWords } from '../../lib/access-words';
import { formatDate } from '../../lib/format';
import { textOf } from '../../lib/form-data';
import { Failure } from '../Failure';
import { Field } from '../Field';

const RECORD_ID = /^r_[A-Za-z0-9_-]{22}$/;
const ACTOR_ID = /^[A-Za-z0-9_-]{1,64}$/;
interface Filter {
  actor?: string;
  recordId?: string;
}

/**
 * The journal for auditors (GET /v1/audit): every entry, oldest first, 50 a page (`after` the
 * last one's seq), filtered by who acted or by a record. The filter is held in this screen.
 */
export function Journal() {
  const { t, i18n } = useTranslation();
  const later = useFocusLater();
  const [filter, setFilter] = useState<Filter>({});
  const [wrong, setWrong] = useState<{ actor?: string; recordId?: string }>({});
  const status = useRef<HTMLParagraphElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const journal = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      must(api.GET('/v1/audit', { params: { query: { ...filter, after: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => (last.items.length > 0 ? (last.next ?? undefined) : undefined),
  });
  const items = journal.data?.pages.flatMap((p) => p.items) ?? [];

  const show = (next: Filter) => {
    setFilter(next);
    later(() => status.current?.focus());
  };
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const actor = textOf(data, 'actor').trim();
    const recordId = textOf(data, 'recordId').trim();
    const found = {
      ...(actor && !ACTOR_ID.test(actor) ? { actor: 'people.journal.badActor' } : {}),
      ...(recordId && !RECORD_ID.test(recordId) ? { recordId: 'people.journal.badRecord' } : {}),
    };
    setWrong(found);
    if (Object.keys(found).length > 0) {
      later(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    show({ ...(actor ? { actor } : {}), ...(recordId ? { recordId } : {}) });
  }
  const onlyRecord = (id: string) => {
    if (form.current) {
      (form.current.elements.namedItem('recordId') as HTMLInputElement).value = id;
      (form.current.elements.namedItem('actor') as HTMLInputElement).value = '';
    }
    show({ recordId: id });
  };

  const who = (a: JournalEntry['actor']) =>
    a.role === 'system'
      ? t('people.journal.system')
      : a.office
        ? t('people.journal.staff', { role: t(`roles.${a.role}`, a.role), office: a.office })
        : t(`roles.${a.role}`, a.role);
  const what = (type: string) =>
    typeWords(type)
      .map((k) => t(k))
      .join(': ');
  const filterText = [filter.actor, filter.recordId].filter(Boolean).join(', ');

  return (
    <section>
      <h1 tabIndex={-1}>{t('people.journal.title')}</h1>
      <p>{t('people.journal.intro')}</p>
      <form ref={form} onSubmit={submit} className="search" noValidate>
        <Field
          name="actor"
          label={t('people.journal.actor')}
          hint={t('people.journal.actorHint')}
          error={wrong.actor && t(wrong.actor)}
        >
          {(aria) => <input {...aria} name="actor" dir="ltr" autoComplete="off" spellCheck={false} />}
        </Field>
        <Field
          name="recordId"
          label={t('people.journal.recordId')}
          hint={t('people.journal.recordHint')}
          error={wrong.recordId && t(wrong.recordId)}
        >
          {(aria) => <input {...aria} name="recordId" dir="ltr" autoComplete="off" spellCheck={false} />}
        </Field>
        <button type="submit">{t('people.journal.filter')}</button>
        <button
          type="reset"
          className="quiet"
          onClick={() => {
            setWrong({});
            show({});
          }}
        >
          {t('people.journal.clear')}
        </button>
      </form>
      <p role="status" tabIndex={-1} ref={status}>
        {journal.isPending
          ? t('app.loading')
          : journal.isSuccess
            ? items.length === 0
              ? t('people.journal.none')
              : t('people.journal.shown', { count: items.length })
            : ''}
      </p>
      {journal.error && <Failure error={journal.error} />}
      {items.length > 0 && (
        <table className="journal">
          <caption>
            {filterText ? t('people.journal.filtered', { filter: filterText }) : t('people.journal.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('people.journal.seq')}</th>
              <th scope="col">{t('people.journal.at')}</th>
              <th scope="col">{t('people.journal.who')}</th>
              <th scope="col">{t('people.journal.type')}</th>
              <th scope="col">{t('people.journal.record')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => {
              const records = e.entityIds.filter((id) => RECORD_ID.test(id));
              return (
                <tr key={e.seq}>
                  <td dir="ltr">{e.seq}</td>
                  <td>
                    <time dateTime={e.at}>{formatDate(e.at, i18n.language)}</time>
                  </td>
                  <td>
                    {who(e.actor)}{' '}
                    <code dir="ltr" className="id">
                      {e.actor.id}
                    </code>
                  </td>
                  <td>
                    {what(e.type)}{' '}
                    <code dir="ltr" className="id">
                      {e.type}
                    </code>
                    {e.reason && (
                      <span className="hint">
                        {' '}
                        {t('people.journal.reason')}: {e.reason}
                      </span>
                    )}
                  </td>
                  <td>
                    {records.map((id) => (
                      <span key={id} className="record-ref">
                        <code dir="ltr" className="id">
                          {id}
                        </code>
                        {filter.recordId !== id && (
                          <button
                            type="button"
                            className="quiet"
                            aria-label={t('people.journal.onlyRecordOf', { id })}
                            onClick={() => onlyRecord(id)}
                          >
                            {t('people.journal.onlyRecord')}
                          </button>
                        )}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {journal.hasNextPage && (
        <button type="button" className="quiet" onClick={() => void journal.fetchNextPage()}>
          {t('people.journal.more')}
        </button>
      )}
    </section>
  );
}
