import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { RecordView, Schemas } from '../../api/types';
import { isProblem, type Problem } from '../../lib/problem';
import {
  dataUrl,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  fileProblem,
  formatOf,
  formatSize,
  type DocumentContentType,
  type DocumentType,
} from './document-file';

interface Chosen {
  file: File;
  format: DocumentContentType | undefined;
  problem: ReturnType<typeof fileProblem>;
  /** A thumbnail of an image, as a data: URL. */
  thumbnail?: string;
}

/**
 * Attaches a scan (POST /v1/records/{id}/documents?type=, the file itself as the body with its
 * Content-Type): dropped on the zone or chosen with the file picker, checked here (format by its
 * first bytes, size), previewed, then sent. The service's refusals (413, 415, 422) are said plainly.
 */
export function AttachDocument({
  record,
  onAttached,
}: {
  record: Pick<RecordView, 'id'>;
  onAttached: (d: Schemas['Document']) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Chosen>();
  const [type, setType] = useState<DocumentType | ''>('');
  const [typeMissing, setTypeMissing] = useState(false);
  const [refusal, setRefusal] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const typeSelect = useRef<HTMLSelectElement>(null);
  const problemText = useRef<HTMLParagraphElement>(null);
  const key = useRef<string | undefined>(undefined);
  const max = formatSize(MAX_DOCUMENT_BYTES);

  useEffect(() => {
    if (refusal) problemText.current?.focus();
  }, [refusal]);

  async function choose(file: File | undefined) {
    setRefusal(undefined);
    key.current = undefined;
    if (!file) return setChosen(undefined);
    const format = formatOf(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
    const problem = fileProblem(file, format);
    const thumbnail = !problem && format !== 'application/pdf' ? await dataUrl(file) : undefined;
    setChosen({ file, format, problem, ...(thumbnail ? { thumbnail } : {}) });
  }

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    void choose(file);
  };

  async function send() {
    if (!chosen || chosen.problem || !chosen.format || busy) return;
    if (!type) {
      setTypeMissing(true);
      typeSelect.current?.focus();
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    key.current ??= crypto.randomUUID();
    const answer = await api
      .POST('/v1/records/{id}/documents', {
        params: { path: { id: record.id }, query: { type }, header: { 'idempotency-key': key.current } },
        body: chosen.file as unknown as string,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'Content-Type': chosen.format },
      })
      .catch(() => undefined);
    setBusy(false);
    if (answer?.data) {
      setChosen(undefined);
      setType('');
      key.current = undefined;
      if (input.current) input.current.value = '';
      await onAttached(answer.data);
      return;
    }
    setRefusal(answer && isProblem(answer.error) ? answer.error : { status: answer?.response.status ?? 0 });
  }

  const refusalText = (p: Problem) => {
    const detail = p.detail ?? p.title ?? String(p.status);
    if ([413, 415, 422].includes(p.status)) return t(`registrar.documents.refused.${p.status}`, { detail });
    if (p.status === 0) return t('problem.network');
    if (p.status === 403) return t('problem.forbidden');
    return t('problem.server', { detail });
  };

  return (
    <div className="attach">
      <h3>{t('registrar.documents.attach')}</h3>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label htmlFor="document-file">{t('registrar.documents.file')}</label>
        <span id="document-file-hint" className="hint">
          {t('registrar.documents.fileHint', { max })}
        </span>
        <input
          id="document-file"
          ref={input}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-describedby={chosen?.problem ? 'document-file-hint document-file-error' : 'document-file-hint'}
          aria-invalid={chosen?.problem ? true : undefined}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        {chosen?.problem && (
          <span id="document-file-error" className="error">
            {t(`registrar.documents.${chosen.problem}`, { max })}
          </span>
        )}
      </div>
      {chosen && !chosen.problem && (
        <div className="chosen" aria-live="polite">
          {chosen.thumbnail && <img src={chosen.thumbnail} alt={t('registrar.documents.thumbnail')} />}
          <p>
            <span dir="auto">{chosen.file.name}</span>
            {' · '}
            <span dir="ltr">{formatSize(chosen.file.size)}</span>
            {' · '}
            {t(`registrar.documents.formats.${chosen.format?.split('/')[1] ?? ''}`)}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor="document-type">{t('registrar.documents.documentType')}</label>
        <select
          id="document-type"
          ref={typeSelect}
          value={type}
          aria-invalid={typeMissing || undefined}
          aria-describedby={typeMissing ? 'document-type-error' : undefined}
          onChange={(e) => {
            setType(e.target.value as DocumentType | '');
            setTypeMissing(false);
          }}
        >
          <option value="">{t('birth.choose')}</option>
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`registrar.documents.types.${d}`)}
            </option>
          ))}
        </select>
        {typeMissing && (
          <span id="document-type-error" className="error">
            {t('check.required')}
          </span>
        )}
      </div>
      <button type="button" onClick={() => void send()} aria-disabled={!chosen || !!chosen.problem || busy}>
        {busy ? t('registrar.documents.sending') : t('registrar.documents.send')}
      </button>
      {refusal && (
        <p role="alert" className="error" ref={problemText} tabIndex={-1}>
          {refusalText(refusal)}
        </p>
      )}
    </div>
  );
}
