import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { Schemas } from '../api/types';
import { certificateWords, readWords, typeWords } from '../lib/access-words';
import { formatDate } from '../lib/format';
import { Failure } from './Failure';

/**
 * Who read the citizen's data and when (GET /v1/me/access-log), in plain words, newest first:
 * "Ministry of Education obtained your birth certificate: school enrolment".
 */
export function AccessLog() {
  const { t, i18n } = useTranslation();
  const log = useInfiniteQuery({
    queryKey: ['me', 'access-log'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(api.GET('/v1/me/access-log', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  // A ministry by the name the admin gave its client ("Ministry of Education"), staff by role and office.
  const who = (a: Schemas['AccessLogEntry']['actor']) =>
    a.name ??
    (a.role === 'client'
      ? t('me.client')
      : a.office
        ? t('me.staff', { role: t(`roles.${a.role}`, a.role), office: a.office })
        : t('people.log.staffNoOffice', { role: t(`roles.${a.role}`, a.role) }));
  // What was read; for a feed page or a webhook, what the system was told ("Birth: Registered");
  // for a certificate a system obtained with the citizen's consent, which one and what for.
  const what = (e: Schemas['AccessLogEntry']) => {
    if (!e.received) return t(readWords(e.route));
    if (e.received.type === 'certificate.issued') {
      const certificate = t(certificateWords(e.received.kind));
      return e.received.purpose !== undefined
        ? t('people.log.obtained', { certificate, purpose: e.received.purpose })
        : t('people.log.obtainedOnly', { certificate });
    }
    const words = typeWords(e.received.type).map((k) => t(k));
    const event = words.length > 0 ? words.join(': ') : e.received.type;
    return t('people.log.received', { event });
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('me.logTitle')}</h1>
      <p>{t('me.logIntro')}</p>
      {log.isPending && <p role="status">{t('app.loading')}</p>}
      {log.error && <Failure error={log.error} />}
      {log.isSuccess && items.length === 0 && <p>{t('me.logEmpty')}</p>}
      {items.length > 0 && (
        <ul className="log">
          {items.map((e, n) => (
            <li key={`${e.at}-${n}`}>
              <time dateTime={e.at}>{formatDate(e.at, i18n.language)}</time>
              <span>{t('me.read', { who: who(e.actor), what: what(e) })}</span>
            </li>
          ))}
        </ul>
      )}
      {log.hasNextPage && (
        <button type="button" className="quiet" onClick={() => void log.fetchNextPage()}>
          {t('queues.more')}
        </button>
      )}
    </section>
  );
}
