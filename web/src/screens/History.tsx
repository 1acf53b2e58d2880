import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { JournalEntry } from '../api/types';
import { formatDate } from '../lib/format';
import { eventName } from '../lib/events';
import { Failure } from './Failure';
import { labelOf } from './record/correction-form';
import { changesOf, valueText } from './record/history-values';

/**
 * Who did what to the record, and when (GET /v1/records/{id}/history), oldest first, with each
 * entry's reason and a correction's fields before and after; read again when `version` (the
 * record's version and certificate count) moves.
 */
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
            {history.data.items.map((e) => (
              <tr key={e.seq}>
                <td>{formatDate(e.at, i18n.language)}</td>
                <td>
                  <What entry={e} />
                </td>
                <td>
                  {t(`roles.${e.actor.role}`, e.actor.role)}
                  <span className="hint" dir="ltr">
                    {e.actor.id}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** An entry's name, its reason, and a correction's changes as field, before, after. */
function What({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const name = eventName(entry.type);
  const last = entry.type.split('.').pop() ?? '';
  const changes = changesOf(entry.data);
  const governorate = (code: string) => t(`governorates.${code}`, code);
  const decision = typeof entry.data.decision === 'string' ? entry.data.decision : undefined;
  return (
    <>
      {name ? t(`events.${name}`) : t(`registrar.events.${last}`, entry.type)}
      {decision && <span className="hint">{t(`registrar.duplicates.decisions.${decision}`, decision)}</span>}
      {entry.reason && (
        <span className="hint" dir="auto">
          {t('registrar.history.reason', { reason: entry.reason })}
        </span>
      )}
      {changes.length > 0 && (
        <table className="changes">
          <thead>
            <tr>
              <th scope="col">{t('registrar.history.field')}</th>
              <th scope="col">{t('registrar.history.before')}</th>
              <th scope="col">{t('registrar.history.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => {
              const label = labelOf(c.path);
              return (
                <tr key={c.path}>
                  <th scope="row">{label ? t(label) : <span dir="ltr">{c.path}</span>}</th>
                  <td dir="auto">{valueText(c.before, governorate) || t('registrar.history.none')}</td>
                  <td dir="auto">{valueText(c.after, governorate) || t('registrar.history.none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
