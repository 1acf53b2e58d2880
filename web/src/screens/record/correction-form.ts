import type { RecordView, Schemas } from '../../api/types';
import { ARABIC_NAME } from '../../lib/birth-form';

type Kind = RecordView['kind'];
export type Correction = Schemas['Correction'];
export type FieldType = 'name' | 'text' | 'date' | 'sex' | 'governorate' | 'number' | 'icd10';

/**
 * A fact a correction may change, named by its path in the record (and in `changes`): `within`
 * names the object the service takes whole (a place is sent as {governorate, facility}).
 */
export interface Correctable {
  path: string;
  /** Catalogue key of its label. */
  label: string;
  type: FieldType;
  /** The kind's correction group (src/modules/<kind>/contract.ts `correctionGroups`). */
  group: string;
  within?: string;
  /** The service refuses to leave it out once given (the place's governorate, a cause's code). */
  required?: boolean;
}

const place = (at: string, group = 'place'): Correctable[] => [
  { path: `${at}.governorate`, label: 'birth.governorate', type: 'governorate', group, within: at, required: true },
  { path: `${at}.facility`, label: 'registrar.fields.facility', type: 'text', group, within: at },
];

/** The facts of each kind the console corrects (the kinds' `changes` schemas hold these, and more). */
export const CORRECTABLE: Record<Kind, readonly Correctable[]> = {
  birth: [
    { path: 'child.givenName', label: 'birth.givenName', type: 'name', group: 'names', required: true },
    { path: 'child.fatherName', label: 'birth.fatherName', type: 'name', group: 'names' },
    { path: 'child.grandfatherName', label: 'birth.grandfatherName', type: 'name', group: 'names' },
    { path: 'child.familyName', label: 'birth.familyName', type: 'name', group: 'names' },
    { path: 'child.sex', label: 'birth.sex', type: 'sex', group: 'sex', required: true },
    { path: 'child.dateOfBirth', label: 'birth.dateOfBirth', type: 'date', group: 'dates', required: true },
    ...place('child.placeOfBirth'),
    { path: 'child.weightGrams', label: 'registrar.fields.weightGrams', type: 'number', group: 'details' },
  ],
  death: [
    { path: 'dateOfDeath', label: 'registrar.fields.dateOfDeath', type: 'date', group: 'dates', required: true },
    ...place('placeOfDeath'),
    {
      path: 'causeOfDeath.icd10',
      label: 'registrar.fields.causeIcd10',
      type: 'icd10',
      group: 'cause',
      within: 'causeOfDeath',
      required: true,
    },
    {
      path: 'causeOfDeath.text',
      label: 'registrar.fields.causeText',
      type: 'text',
      group: 'cause',
      within: 'causeOfDeath',
    },
  ],
  marriage: [
    { path: 'dateOfMarriage', label: 'registrar.fields.dateOfMarriage', type: 'date', group: 'dates', required: true },
    ...place('placeOfMarriage'),
  ],
  divorce: [
    { path: 'dateOfDivorce', label: 'registrar.fields.dateOfDivorce', type: 'date', group: 'dates', required: true },
    ...place('placeOfDivorce'),
  ],
  'foetal-death': [
    { path: 'dateOfDelivery', label: 'registrar.fields.dateOfDelivery', type: 'date', group: 'dates', required: true },
    ...place('placeOfDelivery'),
    { path: 'sex', label: 'birth.sex', type: 'sex', group: 'sex' },
  ],
  annulment: [
    { path: 'dateOfJudgment', label: 'registrar.fields.dateOfJudgment', type: 'date', group: 'dates', required: true },
  ],
};

/**
 * Iraq's policy (src/modules/civil-status/law.ts IRAQ_CORRECTIONS): the groups whose correction on
 * a registered record rests on a court order. Only a hint: the service's policy (CORRECTION_EVIDENCE
 * may change it) decides, and says so with 422 evidence-required.
 */
export const COURT_ORDER_GROUPS: Partial<Record<Kind, readonly string[]>> = {
  birth: ['names', 'dates', 'sex', 'parents'],
  death: ['dates', 'cause'],
};

export type Values = Record<string, string>;

/** The value at a dotted path of a record's facts, as the form shows it. */
export function valueAt(record: object, path: string): string {
  let at: unknown = record;
  for (const part of path.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return typeof at === 'string' || typeof at === 'number' ? String(at) : '';
}

/** The form's first values: the record's facts as they are now. */
export function valuesOf(record: RecordView): Values {
  return Object.fromEntries(CORRECTABLE[record.kind].map((f) => [f.path, valueAt(record, f.path)]));
}

/** The fields whose value the user changed. */
export function changedFields(record: RecordView, values: Values): Correctable[] {
  return CORRECTABLE[record.kind].filter((f) => (values[f.path] ?? '').trim() !== valueAt(record, f.path));
}

/** Whether the changes touch a group that Iraq's policy corrects only on a court's order. */
export function needsCourtOrder(record: RecordView, values: Values): boolean {
  const groups = COURT_ORDER_GROUPS[record.kind] ?? [];
  return record.status === 'registered' && changedFields(record, values).some((f) => groups.includes(f.group));
}

export interface Evidence {
  court: string;
  reference: string;
  date: string;
  documentIds: string[];
}

/** Message keys (under `check.` or `registrar.check.`) by field, for what the form can tell before sending. */
export function checkCorrection(
  record: RecordView,
  values: Values,
  reason: string,
  evidence: Evidence,
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const changed = changedFields(record, values);
  for (const f of changed) {
    const v = (values[f.path] ?? '').trim();
    if (!v) {
      // The console cannot take a fact away (the service's changes set facts, they do not remove them).
      if (f.required || valueAt(record, f.path)) problems[f.path] = 'check.required';
    } else if (f.type === 'name' && !ARABIC_NAME.test(v)) problems[f.path] = 'check.arabic';
    else if (f.type === 'date' && v > today) problems[f.path] = 'check.future';
    else if (f.type === 'number' && !/^[1-9]\d{0,4}$/.test(v)) problems[f.path] = 'registrar.check.number';
    else if (f.type === 'icd10' && !/^[A-Z]\d{2}(\.\d{1,2})?$/.test(v)) problems[f.path] = 'registrar.check.icd10';
  }
  if (changed.length === 0) problems[''] = 'registrar.check.nothingChanged';
  if (!reason.trim()) problems.reason = 'check.required';
  const given =
    [evidence.court, evidence.reference, evidence.date].some((s) => s.trim()) || evidence.documentIds.length;
  if (given) {
    if (!evidence.court.trim()) problems['evidence.courtOrder.court'] = 'check.required';
    if (!evidence.reference.trim()) problems['evidence.courtOrder.reference'] = 'check.required';
    if (!evidence.date) problems['evidence.courtOrder.date'] = 'check.required';
    else if (evidence.date > today) problems['evidence.courtOrder.date'] = 'check.future';
    if (evidence.documentIds.length === 0) problems['evidence.documentIds'] = 'registrar.check.courtOrderDocument';
  }
  return problems;
}

/** The body of POST /v1/records/{id}/corrections: only the facts that changed; a place or a cause whole. */
export function correctionBody(record: RecordView, values: Values, reason: string, evidence: Evidence): Correction {
  const changes: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const parts = path.split('.');
    const last = parts.pop() ?? path;
    let at = changes;
    for (const p of parts) at = (at[p] ??= {}) as Record<string, unknown>;
    at[last] = value;
  };
  const fields = CORRECTABLE[record.kind];
  const changed = changedFields(record, values);
  const wholes = new Set(changed.map((f) => f.within).filter((w): w is string => w !== undefined));
  for (const f of changed)
    if (!f.within) set(f.path, f.type === 'number' ? Number(values[f.path]) : values[f.path]?.trim());
  for (const whole of wholes) {
    // The object as it is, with the parts edited: parts left empty are left out.
    const current = objectAt(record, whole);
    const parts = { ...current };
    for (const f of fields.filter((x) => x.within === whole)) {
      const key = f.path.slice(whole.length + 1);
      const v = (values[f.path] ?? '').trim();
      if (v) parts[key] = v;
      else delete parts[key];
    }
    set(whole, parts);
  }
  const withEvidence = evidence.documentIds.length > 0;
  return {
    changes: changes,
    reason: reason.trim(),
    ...(withEvidence
      ? {
          evidence: {
            courtOrder: { court: evidence.court.trim(), reference: evidence.reference.trim(), date: evidence.date },
            documentIds: evidence.documentIds,
          },
        }
      : {}),
  };
}

function objectAt(record: object, path: string): Record<string, unknown> {
  let at: unknown = record;
  for (const part of path.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at && typeof at === 'object' ? { ...(at as Record<string, unknown>) } : {};
}

/** The form's field names for the service's errors (`body.changes.child.givenName` -> that field). */
export function errorFields(record: RecordView): string[] {
  return [
    ...CORRECTABLE[record.kind].map((f) => `changes.${f.path}`),
    'reason',
    'evidence.courtOrder.court',
    'evidence.courtOrder.reference',
    'evidence.courtOrder.date',
    'evidence.documentIds',
    'evidence',
  ];
}

/** The service's refusals (problem `code`) that are about one part of the form. */
export const CORRECTION_CODES: Record<string, string> = {
  'evidence-required': 'evidence',
  'evidence-not-court-order': 'evidence.documentIds',
  'court-order-date': 'evidence.courtOrder.date',
};

/** Labels of the objects a correction sends whole (a history entry names them so: `child.placeOfBirth`). */
const WHOLE_LABELS: Record<string, string> = {
  'child.placeOfBirth': 'record.placeOfBirth',
  placeOfDeath: 'registrar.fields.placeOfDeath',
  causeOfDeath: 'registrar.fields.causeOfDeath',
  placeOfMarriage: 'registrar.fields.place',
  placeOfDivorce: 'registrar.fields.place',
  placeOfDelivery: 'registrar.fields.place',
  mother: 'registrar.fields.mother',
  father: 'registrar.fields.father',
  'child.latin': 'registrar.fields.latin',
};

/** The catalogue key of a changed field's label, or undefined for one the console does not name (shown as its path). */
export function labelOf(path: string): string | undefined {
  if (WHOLE_LABELS[path]) return WHOLE_LABELS[path];
  for (const fields of Object.values(CORRECTABLE)) {
    const f = fields.find((x) => x.path === path);
    if (f) return f.label;
  }
  return undefined;
}
