import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { CertificateLanguage, RecordView, Schemas } from '../api/types';
import { saveCertificatePdf } from '../lib/certificate-pdf';
import { Failure } from './Failure';

// The languages the service prints (openapi.yaml): any two of Arabic, Kurdish and English, or one.
const LANGUAGES: readonly CertificateLanguage[] = ['ar-en', 'ar-ckb', 'ckb-ar', 'ckb-en', 'ar', 'ckb', 'en'];

/** What POST /v1/certificates is asked for: a registered record's certificate, or a person's civil-status extract. */
type Subject = { recordId: string } | { nin: string; document: 'civil-status-extract' };

/** Issue a certificate of a registered record (POST /v1/certificates), then save its PDF. */
export function Certificate({ record, onIssued }: { record: Pick<RecordView, 'id'>; onIssued: () => Promise<void> }) {
  return <IssuePaper subject={{ recordId: record.id }} words="certificate" id={record.id} onIssued={onIssued} />;
}

/** Issue a person's civil-status extract (صورة قيد): their entry as the register holds it today, then save its PDF. */
export function CivilStatusExtract({ nin }: { nin: string }) {
  return <IssuePaper subject={{ nin, document: 'civil-status-extract' }} words="extract" id="extract" />;
}

/**
 * The languages to print in (the office's by default), the issue, and the PDF to save: for a
 * record's certificate (the `certificate` words) or an extract (`extract`). `id` keeps the
 * element ids of several on one screen apart.
 */
function IssuePaper({
  subject,
  words,
  id,
  onIssued,
}: {
  subject: Subject;
  words: 'certificate' | 'extract';
  id: string;
  onIssued?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<CertificateLanguage | ''>('');
  const [issued, setIssued] = useState<Schemas['Certificate'] | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const heading = `${words}-${id}`;

  async function issue() {
    setFailure(undefined);
    setSaved(false);
    try {
      const body = { ...subject, ...(language ? { language } : {}) };
      setIssued(await must(api.POST('/v1/certificates', { body })));
      await onIssued?.();
    } catch (e) {
      setFailure(e);
    }
  }

  async function download(certificate: Schemas['Certificate']) {
    setFailure(undefined);
    try {
      await saveCertificatePdf(certificate.id, `${words}-${certificate.id}.pdf`);
      setSaved(true);
    } catch (e) {
      setFailure(e);
    }
  }

  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>{t(`${words}.title`)}</h2>
      {words === 'extract' && <p>{t('extract.intro')}</p>}
      <div className="field">
        <label htmlFor={`${heading}-language`}>{t(`${words}.language`)}</label>
        <select
          id={`${heading}-language`}
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
        {t(`${words}.issue`)}
      </button>
      <div role="status">
        {issued && (
          <p>
            {words === 'extract'
              ? t('extract.issued', { number: issued.registrationNumber })
              : t('certificate.issued', { id: issued.id })}{' '}
          </p>
        )}
        {saved && <p>{t(`${words}.downloaded`)}</p>}
      </div>
      {issued && (
        <button type="button" onClick={() => void download(issued)}>
          {t(`${words}.download`)}
        </button>
      )}
      {failure !== undefined && <Failure error={failure} />}
    </section>
  );
}
