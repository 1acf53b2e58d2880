import type { RecordView } from '../../api/types';
import { formatDate } from '../../lib/format';

type T = (key: string) => string;

/** One line of the side-by-side view: the duplicate rule's name for it (its `reasons` use them), a label, the value. */
export interface FactRow {
  key: string;
  label: string;
  value: string;
}

const fullName = (n: { givenName?: string; fatherName?: string; grandfatherName?: string; familyName?: string }) =>
  [n.givenName, n.fatherName, n.grandfatherName, n.familyName].filter(Boolean).join(' ');

const placeText = (p: { governorate: string; facility?: string } | undefined, t: T) =>
  p ? [t(`governorates.${p.governorate}`), p.facility].filter(Boolean).join('، ') : '';

/** The facts the duplicate rules compare (src/modules/births/duplicates.ts, …), for any record. */
export function compareRows(r: RecordView, t: T, lang: string): FactRow[] {
  const rows: FactRow[] = [];
  const add = (key: string, label: string, value: string | number | undefined) =>
    rows.push({ key, label, value: value === undefined ? '' : String(value) });
  if (r.child) {
    add('child.givenName', t('record.child'), fullName(r.child));
    add('child.sex', t('birth.sex'), t(`birth.${r.child.sex}`));
    add('child.dateOfBirth', t('birth.dateOfBirth'), formatDate(r.child.dateOfBirth, lang));
    add('child.placeOfBirth', t('record.placeOfBirth'), placeText(r.child.placeOfBirth, t));
  }
  if (r.dateOfDeath) {
    add('deceased.nin', t('registrar.fields.deceasedNin'), r.deceased?.nin);
    add('dateOfDeath', t('registrar.fields.dateOfDeath'), formatDate(r.dateOfDeath, lang));
    add('placeOfDeath', t('registrar.fields.placeOfDeath'), placeText(r.placeOfDeath, t));
  }
  if (r.dateOfDelivery) add('dateOfDelivery', t('registrar.fields.dateOfDelivery'), formatDate(r.dateOfDelivery, lang));
  if (r.dateOfMarriage) add('dateOfMarriage', t('registrar.fields.dateOfMarriage'), formatDate(r.dateOfMarriage, lang));
  if (r.dateOfDivorce) add('dateOfDivorce', t('registrar.fields.dateOfDivorce'), formatDate(r.dateOfDivorce, lang));
  if (r.mother) {
    if ('nin' in r.mother) add('mother.nin', t('record.motherNin'), r.mother.nin);
    else {
      add('mother.name', t('registrar.fields.motherName'), fullName(r.mother.name));
      add('mother.dateOfBirth', t('registrar.fields.motherDateOfBirth'), formatDate(r.mother.dateOfBirth, lang));
    }
  }
  if (r.father && 'nin' in r.father) add('father.nin', t('record.fatherNin'), r.father.nin);
  add('status', t('record.status'), t(`status.${r.status}`));
  add('registrationNumber', t('record.registrationNumber'), r.registrationNumber);
  add('office', t('record.office'), r.office);
  add('declaredAt', t('record.declaredAt'), formatDate(r.declaredAt, lang));
  return rows;
}

/** The reason a rule gives for a row's match: the mother's name matches `mother.name` and the row `mother.name`. */
export const matches = (reasons: readonly string[], key: string) =>
  reasons.some((r) => r === key || r.startsWith(`${key}.`) || key.startsWith(`${r}.`));
