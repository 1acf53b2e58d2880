import { latinDigits, ninProblem } from './nin';

/**
 * What every declaration form shares, as plain rules: a form is a list of fields named by where
 * they go in the body (`partyA.nin`, `placeOfDeath.governorate`), each of a type that says how it
 * is checked before sending and how it goes into the body. The forms then differ only in their list.
 */
export type FieldType = 'name' | 'nin' | 'date' | 'choice' | 'integer' | 'icd10' | 'court' | 'text' | 'record';
/** A form field; `name` is where its value goes in the body (a dotted path, typed by the route's schema where known). */
export interface FieldSpec<N extends string = string> {
  name: N;
  type: FieldType;
  required?: boolean;
  /** Bounds of an integer (inclusive). */
  min?: number;
  max?: number;
}
export type Values = Record<string, string>;
/** Message keys under `check.` by field name; empty when the form may go. */
export type Checked = Record<string, string>;

// As the service's name schema: Arabic letters, marks, spaces, apostrophes, ZWNJ and hyphens.
export const ARABIC_NAME = /^(?=.*\p{L})(?:(?=\p{L})\p{sc=Arabic}|\p{M}|[ '\u2019\u200C-])+$/u;
// As src/modules/statistics/icd10.ts (the chapter is the service's to check).
export const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
// As the service's courtReference: letters, digits, spaces and / _ . -
const COURT = /^[\p{L}\p{N} /_.-]+$/u;
const RECORD_ID = /^r_[A-Za-z0-9_-]{22}$/;

export const emptyValues = (specs: readonly FieldSpec[]): Values => Object.fromEntries(specs.map((s) => [s.name, '']));

/** The first thing wrong with one field as typed, as a message key under `check.`. */
function problemOf(spec: FieldSpec, raw: string, today: string): string | undefined {
  const v = raw.trim();
  if (!v) return spec.required ? 'required' : undefined;
  switch (spec.type) {
    case 'name':
      return ARABIC_NAME.test(v) ? undefined : 'arabic';
    case 'nin':
      return ninProblem(v);
    case 'date':
      return v > today ? 'future' : undefined;
    case 'integer': {
      const n = latinDigits(v);
      if (!/^\d+$/.test(n)) return 'integer';
      const value = Number(n);
      return (spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)
        ? 'range'
        : undefined;
    }
    case 'icd10':
      return ICD10.test(v.toUpperCase()) ? undefined : 'icd10';
    case 'court':
      return COURT.test(v) && v.length <= 64 ? undefined : 'court';
    case 'record':
      return RECORD_ID.test(v) ? undefined : 'required';
    default:
      return undefined;
  }
}

/** What the form can tell before sending: message keys (under `check.`) by field. */
export function checkValues(specs: readonly FieldSpec[], v: Values, today: string): Checked {
  const found: Checked = {};
  for (const s of specs) {
    const problem = problemOf(s, v[s.name] ?? '', today);
    if (problem) found[s.name] = problem;
  }
  return found;
}

/** The value as the body carries it: NINs and numbers in Latin digits, codes in capitals. */
function valueOf(spec: FieldSpec, raw: string): string | number {
  const v = raw.trim();
  if (spec.type === 'nin') return latinDigits(v).replace(/\s/g, '');
  if (spec.type === 'integer') return Number(latinDigits(v));
  if (spec.type === 'icd10') return v.toUpperCase();
  return v;
}

/** The body from the form: each field at its dotted path, the empty ones left out. */
export function bodyOf(specs: readonly FieldSpec[], v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const s of specs) {
    const raw = v[s.name] ?? '';
    if (!raw.trim()) continue;
    const path = s.name.split('.');
    let at = body;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1] ?? s.name] = valueOf(s, raw);
  }
  return body;
}
