import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, must } from '../api/client';
import type { QueueId } from '../api/types';
import { formatDate } from '../lib/format';
import { Failure } from './Failure';

const PAGE = 20;

/** One queue's records, oldest declaration first, a page at a time (GET /v1/records?queue=…). */
export function QueueList() {
  const { t, i18n } = useTranslation();
  const queue = useParams().queue as QueueId;
  const list = useInfiniteQuery({
    queryKey: ['queue', queue],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(api.GET('/v1/records', { params: { query: { queue, limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const title = t(`queues.${queue}`);

  return (
    <section>
      <p>
        <Link to="/queues">{t('queues.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {list.isPending && <p role="status">{t('app.loading')}</p>}
      {list.error && <Failure error={list.error} />}
      {list.isSuccess && items.length === 0 && <p>{t('queues.empty')}</p>}
      {items.length > 0 && (
        <table>
          <caption>{t('list.caption', { queue: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.kind')}</th>
              <th scope="col">{t('list.eventDate')}</th>
              <th scope="col">{t('list.declaredAt')}</th>
              <th scope="col">{t('list.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/records/${r.id}`}>{r.subjectName || t('list.unnamed')}</Link>
                </td>
                <td>{t(`kinds.${r.kind}`)}</td>
                <td>{formatDate(r.eventDate, i18n.language)}</td>
                <td>{formatDate(r.declaredAt, i18n.language)}</td>
                <td>{r.flags.map((f) => t(`flags.${f}`)).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="quiet"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('queues.more')}
        </button>
      )}
    </section>
  );
}
