import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { formatDate } from '../lib/format';
import { eventName } from '../lib/events';
import { Failure } from './Failure';

/** Who did what to the record, and when (GET /v1/records/{id}/history), oldest first; read again when `version` (the record's version and certificate count) moves. */
export function History({ id, version }: { id: string; version: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['history', id, version],
    queryFn: () => must(api.GET('/v1/records/{id}/history', { params: { path: { id } } })),
  });
  return (
    <section aria-labelledby="history" className="card">
      <h2 id="history">{t('record.history')}</h2>
      {history.error && <Failure error={history.error} />}
      {history.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('record.when')}</th>
              <th scope="col">{t('record.what')}</th>
              <th scope="col">{t('record.who')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.items.map((e) => {
              const name = eventName(e.type);
              return (
                <tr key={e.seq}>
                  <td>{formatDate(e.at, i18n.language)}</td>
                  <td>{name ? t(`events.${name}`) : e.type}</td>
                  <td>
                    {t(`roles.${e.actor.role}`, e.actor.role)}
                    <span className="hint" dir="ltr">
                      {e.actor.id}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
