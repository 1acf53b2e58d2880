import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import type { RecordView } from '../../api/types';
import { formatDate } from '../../lib/format';
import { latinDigits, ninProblem } from '../../lib/nin';

type Found = { state: 'none' } | { state: 'found'; marriages: RecordView[] } | { state: 'error'; text: string };

/**
 * Finds the marriage a divorce or an annulment names, by the NIN of either party: the person's
 * records (GET /v1/persons/{nin}: a registered marriage is filed under both parties), each read
 * (GET /v1/records/{id}) and the registered marriages in force offered to choose from. The NIN is
 * held in this component only, never in the page's address.
 */
export function MarriagePicker(props: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  const [nin, setNin] = useState('');
  const [found, setFound] = useState<Found>({ state: 'none' });
  const [busy, setBusy] = useState(false);

  async function find() {
    const problem = ninProblem(nin);
    if (problem) return setFound({ state: 'error', text: t(`check.${problem}`) });
    setBusy(true);
    try {
      const person = await must(
        api.GET('/v1/persons/{nin}', { params: { path: { nin: latinDigits(nin).replace(/\s/g, '') } } }),
      );
      const records = await Promise.all(
        (person.recordIds ?? []).map((id) => must(api.GET('/v1/records/{id}', { params: { path: { id } } }))),
      );
      const marriages = records.filter(
        (r) => r.kind === 'marriage' && r.status === 'registered' && r.inForce !== false,
      );
      setFound({ state: 'found', marriages });
      if (marriages.length === 1 && marriages[0]) props.onChange(marriages[0].id);
    } catch (e) {
      const status = e instanceof ApiError ? e.problem.status : 0;
      setFound({ state: 'error', text: status === 404 ? t('declare.noPerson') : t('problem.network') });
    } finally {
      setBusy(false);
    }
  }
  const enter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // Enter here finds; it does not send the declaration
    void find();
  };
  const error = props.error ?? (found.state === 'error' ? found.text : undefined);
  const describedBy = ['f-party-nin-hint', error ? 'f-marriageId-error' : ''].filter(Boolean).join(' ');

  return (
    <fieldset>
      <legend>{t('declare.theMarriage')}</legend>
      <div className={error ? 'field invalid' : 'field'}>
        <label htmlFor="f-party-nin">{t('declare.partyNin')}</label>
        <span id="f-party-nin-hint" className="hint">
          {t('declare.partyNinHint')}
        </span>
        <span className="find">
          <input
            id="f-party-nin"
            dir="ltr"
            inputMode="numeric"
            autoComplete="off"
            value={nin}
            onChange={(e) => setNin(e.target.value)}
            onKeyDown={enter}
            aria-describedby={describedBy}
            {...(error && !props.value ? { 'aria-invalid': true } : {})}
          />
          <button type="button" className="quiet" disabled={busy} onClick={() => void find()}>
            {t('declare.find')}
          </button>
        </span>
        {error && (
          <span id="f-marriageId-error" className="error">
            {error}
          </span>
        )}
      </div>
      <div role="status" className="found">
        {found.state === 'found' && found.marriages.length === 0 && <p>{t('declare.noMarriage')}</p>}
      </div>
      {found.state === 'found' && found.marriages.length > 0 && (
        <div role="radiogroup" aria-label={t('declare.chooseMarriage')} className="choices">
          {found.marriages.map((m) => (
            <label key={m.id} className="choice">
              <input
                type="radio"
                name="marriageId"
                value={m.id}
                checked={props.value === m.id}
                onChange={() => props.onChange(m.id)}
              />
              <span dir="auto">
                {t('declare.marriageItem', {
                  number: m.registrationNumber ?? m.id,
                  date: formatDate(m.dateOfMarriage, i18n.language),
                  a: m.partyA?.nin ?? '',
                  b: m.partyB?.nin ?? '',
                })}
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
