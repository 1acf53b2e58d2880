import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import type { RecordView, Schemas } from '../../api/types';
import { formatDate } from '../../lib/format';
import { useSession } from '../../session/session';
import { Failure } from '../Failure';
import { AttachDocument } from './AttachDocument';
import { dataUrl, formatSize } from './document-file';
import { ATTACHERS } from './roles';

type Doc = Schemas['Document'];
interface Shown {
  id: string;
  name: string;
  /** A data: URL: the console's Content-Security-Policy lets images come from 'self' and data: only. */
  image?: string;
  /** The object URL of a PDF, opened in a tab of its own (and let go when another is shown). */
  pdf?: string;
}

/**
 * A record's supporting documents (GET /v1/records/{id}/documents): each one opened with the
 * bearer token (GET …/documents/{documentId}) and shown from memory, an image inline, a PDF in a
 * tab of its own; and a scanned document attached by an officer or a registrar.
 */
export function Documents({ record, onAttached }: { record: RecordView; onAttached: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const queries = useQueryClient();
  const list = useQuery({
    queryKey: ['documents', record.id],
    queryFn: () => must(api.GET('/v1/records/{id}/documents', { params: { path: { id: record.id } } })),
  });
  const [shown, setShown] = useState<Shown>();
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState<{ key: string; params?: Record<string, string> }>();
  const status = useRef<HTMLParagraphElement>(null);
  const preview = useRef<HTMLElement>(null);
  const canAttach =
    me !== undefined && ATTACHERS.includes(me.role) && ['declared', 'registered'].includes(record.status);

  useEffect(() => () => (shown?.pdf ? URL.revokeObjectURL(shown.pdf) : undefined), [shown]);
  useEffect(() => {
    if (notice) status.current?.focus();
  }, [notice]);
  useEffect(() => {
    if (shown?.image) preview.current?.focus();
  }, [shown]);

  const nameOf = (d: Doc) =>
    t('registrar.documents.name', { type: t(`registrar.documents.types.${d.type}`), id: d.id });

  async function show(d: Doc) {
    setFailure(undefined);
    try {
      const answer = await api.GET('/v1/records/{id}/documents/{documentId}', {
        params: { path: { id: record.id, documentId: d.id } },
        parseAs: 'blob',
      });
      if (!answer.response.ok || !(answer.data instanceof Blob)) throw new ApiError({ status: answer.response.status });
      const blob = answer.data.type ? answer.data : new Blob([answer.data], { type: d.contentType });
      if (d.contentType === 'application/pdf') {
        const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        setShown({ id: d.id, name: nameOf(d), pdf: url });
        const tab = window.open(url, '_blank', 'noopener');
        setNotice({
          key: tab ? 'registrar.documents.openedPdf' : 'registrar.documents.pdfReady',
          params: { name: nameOf(d) },
        });
      } else {
        setShown({ id: d.id, name: nameOf(d), image: await dataUrl(blob) });
        setNotice({ key: 'registrar.documents.showing', params: { name: nameOf(d) } });
      }
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError({ status: 0 }));
    }
  }

  const attached = async (d: Doc) => {
    await queries.invalidateQueries({ queryKey: ['documents', record.id] });
    await onAttached();
    setNotice({ key: 'registrar.documents.attached', params: { name: nameOf(d) } });
  };

  return (
    <section className="card" aria-labelledby="documents">
      <h2 id="documents">{t('registrar.documents.title')}</h2>
      <p role="status" ref={status} tabIndex={-1} className="notice">
        {notice && t(notice.key, notice.params ?? {})}
      </p>
      {list.error && <Failure error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p>{t('registrar.documents.none')}</p>
        ) : (
          <table className="documents">
            <thead>
              <tr>
                <th scope="col">{t('registrar.documents.type')}</th>
                <th scope="col">{t('registrar.documents.size')}</th>
                <th scope="col">{t('registrar.documents.uploadedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('registrar.documents.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    {t(`registrar.documents.types.${d.type}`)}
                    <span className="hint">
                      {t(`registrar.documents.formats.${d.contentType.split('/')[1] ?? ''}`)}
                    </span>
                  </td>
                  <td dir="ltr">{formatSize(d.size)}</td>
                  <td>
                    {formatDate(d.uploadedAt, i18n.language)}
                    <span className="hint" dir="ltr">
                      {d.uploadedBy}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="quiet"
                      onClick={() => void show(d)}
                      aria-label={t('registrar.documents.open', { name: nameOf(d) })}
                    >
                      {t('registrar.documents.openShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {failure !== undefined && <Failure error={failure} />}
      {shown?.image && (
        <figure className="preview" ref={preview} tabIndex={-1} aria-label={shown.name}>
          <img src={shown.image} alt={shown.name} />
          <figcaption>
            {shown.name}{' '}
            <button type="button" className="quiet" onClick={() => setShown(undefined)}>
              {t('registrar.documents.close')}
            </button>
          </figcaption>
        </figure>
      )}
      {shown?.pdf && (
        <p>
          <a href={shown.pdf} target="_blank" rel="noopener noreferrer">
            {t('registrar.documents.openPdf', { name: shown.name })}
          </a>
        </p>
      )}
      {canAttach && <AttachDocument record={record} onAttached={attached} />}
    </section>
  );
}
