import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { useSession } from '../session/session';
import { Certificate, CivilStatusExtract } from './Certificate';
import { Failure } from './Failure';

/**
 * A citizen's records (GET /v1/me/records), each registered one with its certificate to issue and
 * save, and their own civil-status extract (their entry in the register today) beside them.
 */
export function MyRecords() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const nin = useSession().me?.nin;
  const mine = useQuery({ queryKey: ['me', 'records'], queryFn: () => must(api.GET('/v1/me/records')) });
  return (
    <section>
      <h1 tabIndex={-1}>{t('me.recordsTitle')}</h1>
      <p>{t('me.recordsIntro')}</p>
      {mine.isPending && <p role="status">{t('app.loading')}</p>}
      {mine.error && <Failure error={mine.error} />}
      {mine.data?.items.length === 0 && <p>{t('me.none')}</p>}
      {mine.data?.items.map((r) => (
        <article key={r.id} className="card" aria-labelledby={`r-${r.id}`}>
          <h2 id={`r-${r.id}`}>
            {t(`kinds.${r.kind}`, r.kind)} · {t(`status.${r.status}`, r.status)}
          </h2>
          {r.registrationNumber && (
            <p>
              {t('me.number')}: <span dir="ltr">{r.registrationNumber}</span>
            </p>
          )}
          {r.status === 'registered' && (
            <Certificate record={r} onIssued={() => queries.invalidateQueries({ queryKey: ['me', 'records'] })} />
          )}
        </article>
      ))}
      {nin && <CivilStatusExtract nin={nin} />}
    </section>
  );
}
