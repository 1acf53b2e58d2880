import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must } from '../api/client';
import { Failure } from './Failure';
import { DeclareMenu } from './declare/DeclareMenu';

/** The office's queues with their counts (GET /v1/workqueues: one call), each opening its list. */
export function WorkQueues() {
  const { t } = useTranslation();
  const queues = useQuery({ queryKey: ['workqueues'], queryFn: () => must(api.GET('/v1/workqueues')) });

  return (
    <section>
      <div className="heading-row">
        <h1 tabIndex={-1}>{t('queues.title')}</h1>
        <DeclareMenu />
      </div>
      {queues.isPending && <p role="status">{t('app.loading')}</p>}
      {queues.error && <Failure error={queues.error} />}
      {queues.data && (
        <>
          <p>{t('queues.office', { office: queues.data.office })}</p>
          <ul className="queues">
            {queues.data.queues.map((q) => (
              <li key={q.id}>
                <Link to={`/queues/${q.id}`} data-queue={q.id}>
                  <span>{t(`queues.${q.id}`)}</span>
                  <span className="count">{q.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
