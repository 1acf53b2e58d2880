import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../api/client';
import type { CertificateLanguage, RecordView, Schemas } from '../api/types';
import { Failure } from './Failure';

// The languages the service prints (openapi.yaml): any two of Arabic, Kurdish and English, or one.
const LANGUAGES: readonly CertificateLanguage[] = ['ar-en', 'ar-ckb', 'ckb-ar', 'ckb-en', 'ar', 'ckb', 'en'];

/** Issue a certificate of a registered record (POST /v1/certificates), then save its PDF. */
export function Certificate({ record, onIssued }: { record: Pick<RecordView, 'id'>; onIssued: () => Promise<void> }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<CertificateLanguage | ''>('');
  const [issued, setIssued] = useState<Schemas['Certificate'] | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  async function issue() {
    setFailure(undefined);
    setSaved(false);
    try {
      const body = { recordId: record.id, ...(language ? { language } : {}) };
      setIssued(await must(api.POST('/v1/certificates', { body })));
      await onIssued();
    } catch (e) {
      setFailure(e);
    }
  }

  async function download(id: string) {
    setFailure(undefined);
    try {
      const answer = await api.GET('/v1/certificates/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' });
      if (!answer.response.ok || !answer.data) throw new ApiError({ status: answer.response.status });
      saveAs(answer.data, `certificate-${id}.pdf`);
      setSaved(true);
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError({ status: 0 }));
    }
  }

  return (
    <section className="card" aria-labelledby="certificate">
      <h2 id="certificate">{t('certificate.title')}</h2>
      <div className="field">
        <label htmlFor="certificate-language">{t('certificate.language')}</label>
        <select
          id="certificate-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as CertificateLanguage | '')}
        >
          <option value="">{t('certificate.default')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`certificate.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => void issue()}>
        {t('certificate.issue')}
      </button>
      <div role="status">
        {issued && <p>{t('certificate.issued', { id: issued.id })} </p>}
        {saved && <p>{t('certificate.downloaded')}</p>}
      </div>
      {issued && (
        <button type="button" onClick={() => void download(issued.id)}>
          {t('certificate.download')}
        </button>
      )}
      {failure !== undefined && <Failure error={failure} />}
    </section>
  );
}

/** Saves a blob as a file: an object URL on a link that is clicked, then let go. */
function saveAs(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
