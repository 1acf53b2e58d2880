import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import type { RecordView as Rec } from '../api/types';
import { formatDate } from '../lib/format';
import { useSession } from '../session/session';
import { Certificate } from './Certificate';
import { CompleteBirth } from './declare/CompleteBirth';
import { Decision } from './Decision';
import { Failure } from './Failure';
import { History } from './History';
import { Correction } from './record/Correction';
import { Documents } from './record/Documents';
import { Duplicates } from './record/Duplicates';
import { readRecord } from './record/read';
import { REGISTRARS, type Notice } from './record/roles';
import { Voiding } from './record/Voiding';

/**
 * A record's facts, its history and what may be done with it: register or reject, review its
 * possible duplicates, its documents, correct, void, issue a certificate. The record is read with
 * its ETag, which a correction sends back as If-Match.
 */
export function RecordView() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const { me } = useSession();
  const queries = useQueryClient();
  const record = useQuery({
    queryKey: ['record', id],
    queryFn: () => readRecord(id),
    retry: (n, e) => !(e instanceof ApiError && e.problem.status < 500) && n < 1,
  });
  const reload = () => queries.invalidateQueries({ queryKey: ['record', id], exact: true });
  // After a decision, focus moves to what it did (a screen reader reads it out): the buttons are gone.
  const [done, setDone] = useState<Notice | undefined>();
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) notice.current?.focus();
  }, [done]);
  const decided = async (what: 'registered' | 'rejected') => {
    await reload();
    setDone({ key: `record.done.${what}` });
  };
  const acted = async (what: Notice) => {
    await reload();
    setDone(what);
  };
  // Read again (after a 412): the record and its ETag as they are now, nothing kept from before.
  const reread = async () => {
    await queries.refetchQueries({ queryKey: ['record', id], exact: true });
    return queries.getQueryData<Awaited<ReturnType<typeof readRecord>>>(['record', id]);
  };

  if (record.isPending) return <p role="status">{t('app.loading')}</p>;
  if (record.error) {
    const missing = record.error instanceof ApiError && [400, 404].includes(record.error.problem.status);
    return (
      <section>
        <h1 tabIndex={-1}>{t('app.title')}</h1>
        {missing ? <p role="alert">{t('record.notFound')}</p> : <Failure error={record.error} />}
      </section>
    );
  }
  const { record: r, etag } = record.data;
  const registrar = me !== undefined && REGISTRARS.includes(me.role);
  const lang = i18n.language;
  const facts: [string, string | number | undefined][] = [
    [t('record.status'), t(`status.${r.status}`)],
    [t('record.registrationNumber'), r.registrationNumber],
    [t('record.office'), r.office],
    [t('record.declaredAt'), formatDate(r.declaredAt, lang)],
    [t('record.declaredBy'), r.declaredBy?.id === me?.id ? t('record.you') : r.declaredBy?.id],
    [t('record.flags'), r.flags?.map((f) => t(`flags.${f}`)).join(' · ')],
    ...birthFacts(r, t, lang),
    [t('record.rejectionReason'), r.rejectionReason],
    [t('registrar.facts.voidReason'), r.voidReason],
    [t('record.certificatesIssued'), r.certificatesIssued],
    [
      t('registrar.facts.certificates'),
      r.status === 'voided' && r.certificatesIssued > 0
        ? t('registrar.facts.certificatesRevoked', { count: r.certificatesIssued })
        : undefined,
    ],
  ];

  return (
    <section>
      <h1 tabIndex={-1}>{t('record.title', { kind: t(`kinds.${r.kind}`), name: nameOf(r) })}</h1>
      <p role="status" ref={notice} tabIndex={-1} className="notice">
        {done && t(done.key, { number: r.registrationNumber ?? '', ...done.params })}
      </p>
      {(r.duplicates?.length ?? 0) > 0 && <Duplicates record={r} onDone={acted} />}
      <div className="columns">
        <div>
          <section aria-labelledby="facts" className="card">
            <h2 id="facts">{t('record.facts')}</h2>
            <dl className="facts">
              {facts
                .filter(([, v]) => v !== undefined && v !== '')
                .map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd dir="auto">{v}</dd>
                  </div>
                ))}
            </dl>
          </section>
          <Documents record={r} onAttached={reload} />
        </div>
        <div>
          <CompleteBirth record={r} onDone={reload} />
          {r.status === 'declared' && <Decision record={r} onDone={decided} />}
          {r.status === 'registered' && <Certificate record={r} onIssued={reload} />}
          {r.status === 'registered' && <Correction record={r} etag={etag} reread={reread} onDone={acted} />}
          {r.status === 'registered' && registrar && <Voiding record={r} onDone={acted} />}
          <History id={id} version={`${r.version}.${r.certificatesIssued ?? 0}`} />
        </div>
      </div>
    </section>
  );
}

const nameOf = (r: Rec) =>
  r.child
    ? [r.child.givenName, r.child.fatherName, r.child.grandfatherName, r.child.familyName].filter(Boolean).join(' ')
    : (r.registrationNumber ?? r.id);

function birthFacts(r: Rec, t: (k: string) => string, lang: string): [string, string | undefined][] {
  if (!r.child) return [];
  const parent = (p: Rec['mother'] | Rec['father']) => (p && 'nin' in p ? p.nin : undefined);
  return [
    [t('record.child'), nameOf(r)],
    [t('birth.sex'), t(`birth.${r.child.sex}`)],
    [t('birth.dateOfBirth'), formatDate(r.child.dateOfBirth, lang)],
    [
      t('record.placeOfBirth'),
      [t(`governorates.${r.child.placeOfBirth.governorate}`), r.child.placeOfBirth.facility].filter(Boolean).join('، '),
    ],
    [t('birth.placeOfBirthType'), r.child.placeOfBirthType && t(`birth.placeTypes.${r.child.placeOfBirthType}`)],
    [t('declare.attendant'), r.attendant && t(`declare.attendants.${r.attendant}`)],
    [t('record.childNin'), r.child.nin],
    [t('record.motherNin'), parent(r.mother)],
    [t('record.fatherNin'), parent(r.father)],
  ];
}
