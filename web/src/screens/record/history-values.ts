/** A correction's change as its journal entry holds it (src/modules/records/rules.ts FieldChange). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** The field-level changes a history entry carries, if it is a correction. */
export function changesOf(data: Record<string, unknown>): FieldChange[] {
  const changes = data.changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (c): c is FieldChange => typeof c === 'object' && c !== null && typeof (c as FieldChange).path === 'string',
  );
}

/**
 * A value as a line of text: a place as its governorate (named by `name`) and facility, a cause
 * as its code and words, a number as Latin digits; nothing as an empty string.
 */
export function valueText(value: unknown, name: (code: string) => string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return /^IQ-[A-Z]{2}$/.test(value) ? name(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map((v) => valueText(v, name))
      .filter(Boolean)
      .join('، ');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map((v) => valueText(v, name))
      .filter(Boolean)
      .join('، ');
  return '';
}
