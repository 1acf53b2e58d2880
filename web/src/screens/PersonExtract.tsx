import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { Schemas } from '../api/types';
import { saveCertificatePdf } from '../lib/certificate-pdf';
import { useFocusLater } from '../lib/focus-later';
import { Failure } from './Failure';

/** The roles that issue anyone's civil-status extract at their office (openapi issueCertificate; a citizen only their own). */
export const EXTRACT_ROLES = ['officer', 'registrar', 'national-registrar', 'service-clerk'];

/**
 * A person's civil-status extract from the search results, in the office's languages: issued
 * (POST /v1/certificates {nin, document}), its number said and focused, then its PDF to save.
 */
export function PersonExtract({ nin, name }: { nin: string; name: string }) {
  const { t } = useTranslation();
  const later = useFocusLater();
  const [issued, setIssued] = useState<Schemas['Certificate'] | undefined>();
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLParagraphElement>(null);

  async function issue() {
    if (busy) return;
    setFailure(undefined);
    setBusy(true);
    try {
      setIssued(await must(api.POST('/v1/certificates', { body: { nin, document: 'civil-status-extract' } })));
      later(() => result.current?.focus());
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  async function download(certificate: Schemas['Certificate']) {
    setFailure(undefined);
    setSaved(false);
    try {
      await saveCertificatePdf(certificate.id, `extract-${certificate.id}.pdf`);
      setSaved(true);
    } catch (e) {
      setFailure(e);
    }
  }

  return (
    <>
      {issued ? (
        <>
          <p role="status" tabIndex={-1} ref={result} className="extract-made">
            {t('extract.issuedFor', { name, number: issued.registrationNumber })}
            {saved && ` ${t('extract.downloaded')}`}
          </p>
          <button
            type="button"
            className="quiet"
            aria-label={t('extract.downloadFor', { name })}
            onClick={() => void download(issued)}
          >
            {t('extract.downloadShort')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="quiet"
          aria-disabled={busy}
          aria-label={t('extract.issueFor', { name })}
          onClick={() => void issue()}
        >
          {t('extract.issueShort')}
        </button>
      )}
      {failure !== undefined && <Failure error={failure} />}
    </>
  );
}
