import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusLater } from '../../lib/focus-later';
import { api, must } from '../../api/client';
import { formatDate } from '../../lib/format';
import { Failure } from '../Failure';

/**
 * The journal's integrity (GET /v1/audit/integrity): intact, or the first entry that is not;
 * how many entries, the last one's hash, the signed heads it was held to; and, on request, the
 * signed heads themselves (GET /v1/audit/heads) to keep outside the database.
 */
export function Integrity() {
  const { t, i18n } = useTranslation();
  const later = useFocusLater();
  const verdict = useRef<HTMLParagraphElement>(null);
  const check = useQuery({
    queryKey: ['audit', 'integrity'],
    queryFn: () => must(api.GET('/v1/audit/integrity')),
    gcTime: 0,
  });
  const [wantHeads, setWantHeads] = useState(false);
  const heads = useInfiniteQuery({
    queryKey: ['audit', 'heads'],
    enabled: wantHeads,
    gcTime: 0,
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      must(api.GET('/v1/audit/heads', { params: { query: { after: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => (last.items.length > 0 ? (last.next ?? undefined) : undefined),
  });
  const again = async () => {
    await check.refetch();
    later(() => verdict.current?.focus());
  };
  const r = check.data;
  const headItems = heads.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section>
      <h1 tabIndex={-1}>{t('people.integrity.title')}</h1>
      <p>{t('people.integrity.intro')}</p>
      <p role="status" tabIndex={-1} ref={verdict} className={r && !r.ok ? 'error verdict' : 'notice verdict'}>
        {check.isFetching
          ? t('people.integrity.checking')
          : r
            ? r.ok
              ? t('people.integrity.ok', { entries: r.entries })
              : t('people.integrity.bad', { seq: r.firstBadSeq ?? r.problems[0]?.seq ?? '?' })
            : ''}
      </p>
      {check.error && <Failure error={check.error} />}
      {r && (
        <dl className="facts">
          <div>
            <dt>{t('people.integrity.entries')}</dt>
            <dd>
              <span dir="ltr">{r.entries}</span>
            </dd>
          </div>
          <div>
            <dt>{t('people.integrity.head')}</dt>
            <dd>
              <span dir="ltr">{r.head ? r.head.seq : t('people.integrity.none')}</span>
            </dd>
          </div>
          {r.head && (
            <div>
              <dt>{t('people.integrity.headHash')}</dt>
              <dd>
                <code dir="ltr" className="id">
                  {r.head.hash}
                </code>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('people.integrity.signedChecked')}</dt>
            <dd>
              <span dir="ltr">{r.signedHeads.checked}</span>
            </dd>
          </div>
          <div>
            <dt>{t('people.integrity.lastMatching')}</dt>
            <dd>
              {r.signedHeads.lastMatching ? (
                <>
                  <span dir="ltr">{r.signedHeads.lastMatching.seq}</span>
                  {' · '}
                  {formatDate(r.signedHeads.lastMatching.at, i18n.language)}
                </>
              ) : (
                t('people.integrity.none')
              )}
            </dd>
          </div>
          {r.problems.length > 0 && (
            <div>
              <dt>{t('people.integrity.problems')}</dt>
              <dd>
                <ul>
                  {r.problems.map((p) => (
                    <li key={`${p.seq}-${p.problem}`} dir="ltr">
                      {p.seq}: {p.problem}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {r.unknownTypes.length > 0 && (
            <div>
              <dt>{t('people.integrity.unknownTypes')}</dt>
              <dd dir="ltr">{r.unknownTypes.map((u) => `${u.seq} ${u.type}`).join(', ')}</dd>
            </div>
          )}
        </dl>
      )}
      <div className="actions">
        <button type="button" onClick={() => void again()} disabled={check.isFetching}>
          {t('people.integrity.again')}
        </button>
      </div>
      <section aria-labelledby="heads">
        <h2 id="heads">{t('people.integrity.heads')}</h2>
        <p>{t('people.integrity.headsIntro')}</p>
        {!wantHeads && (
          <button type="button" className="quiet" onClick={() => setWantHeads(true)}>
            {t('people.integrity.showHeads')}
          </button>
        )}
        {heads.isFetching && <p role="status">{t('app.loading')}</p>}
        {heads.error && <Failure error={heads.error} />}
        {heads.isSuccess && headItems.length === 0 && <p>{t('people.integrity.noHeads')}</p>}
        {headItems.length > 0 && (
          <table>
            <caption>{t('people.integrity.heads')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.journal.seq')}</th>
                <th scope="col">{t('people.journal.at')}</th>
                <th scope="col">{t('people.integrity.hash')}</th>
                <th scope="col">{t('people.integrity.key')}</th>
              </tr>
            </thead>
            <tbody>
              {headItems.map((h) => (
                <tr key={h.seq}>
                  <td dir="ltr">{h.seq}</td>
                  <td>{formatDate(h.at, i18n.language)}</td>
                  <td>
                    <code dir="ltr" className="id">
                      {h.hash}
                    </code>
                  </td>
                  <td>
                    <code dir="ltr" className="id">
                      {h.kid}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {heads.hasNextPage && (
          <button type="button" className="quiet" onClick={() => void heads.fetchNextPage()}>
            {t('people.journal.more')}
          </button>
        )}
      </section>
    </section>
  );
}
