import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { cleanText } from '../../http/text';
import { z } from '../../http/zod';
import { must } from '../../lib/must';
import { isoDate, personName, place, sex } from '../common/schemas';
import { familyRegister, legacyReference, motherName } from '../persons/schemas';
import { boundedLines, capLines } from './lines';

/** One person of the legacy register, as an import file gives it (NDJSON: one such object a line). */
export const legacyRow = z
  .object({
    legacyReference,
    name: personName,
    sex,
    dateOfBirth: isoDate,
    placeOfBirth: place,
    motherLegacyReference: legacyReference.optional(),
    fatherLegacyReference: legacyReference.optional(),
    familyRegister: familyRegister.optional(),
    /** The mother's name and her father's, for a person whose mother is not in the file. */
    motherName: motherName.optional(),
  })
  .strict()
  .openapi('LegacyRegisterRow', {
    example: {
      legacyReference: 'BGD/1988/0412/17',
      name: {
        givenName: 'حسن',
        fatherName: 'علي',
        grandfatherName: 'كاظم',
        familyName: 'الربيعي',
        latin: { givenName: 'Hassan', fatherName: 'Ali', grandfatherName: 'Kadhim', familyName: 'Al-Rubaie' },
      },
      sex: 'male',
      dateOfBirth: '1988-06-02',
      placeOfBirth: { governorate: 'IQ-BG', district: 'Karkh' },
      motherLegacyReference: 'BGD/1961/0093/04',
      familyRegister: { directorate: 'BGD-KARKH', register: 123, page: 45 },
      motherName: { givenName: 'زهراء', fatherName: 'جاسم' },
    },
  });

export type LegacyRow = z.infer<typeof legacyRow>;

/** The CSV columns, in this order, with a header line naming them. */
export const CSV_COLUMNS = [
  'legacyReference',
  'givenName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'latinGivenName',
  'latinFatherName',
  'latinGrandfatherName',
  'latinFamilyName',
  'sex',
  'dateOfBirth',
  'governorate',
  'district',
  'motherLegacyReference',
  'fatherLegacyReference',
  'familyRegisterDirectorate',
  'familyRegisterNumber',
  'familyRegisterPage',
  'motherGivenName',
  'motherFatherName',
] as const;

export type ImportFormat = 'ndjson' | 'csv';

/** A row as read: its line number, and either the parsed row or why it was refused. */
export type ReadRow = { line: number; row: LegacyRow } | { line: number; rejection: { field: string; reason: string } };

/** The longest line read when the caller does not say (IMPORT_MAX_LINE_BYTES's default). */
export const DEFAULT_MAX_LINE_BYTES = 16_384;

const tooLong = (line: number, maxBytes: number, rest: string) => ({
  line,
  rejection: { field: '', reason: `line ${line} is longer than ${maxBytes} bytes (IMPORT_MAX_LINE_BYTES)${rest}` },
});

/**
 * Reads rows from a stream of NDJSON or CSV, validating each; never throws for a bad row. No line
 * longer than `maxLineBytes` is held in memory: in NDJSON it is refused by its number and the next
 * line read; in CSV (where a record may span lines) reading ends there, refused likewise.
 */
export async function* readRows(
  input: Readable,
  format: ImportFormat,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<ReadRow> {
  if (format === 'ndjson') {
    for await (const read of boundedLines(input, maxLineBytes)) {
      const line = read.line;
      if ('tooLong' in read) {
        yield tooLong(line, maxLineBytes, ', not read');
        continue;
      }
      const text = read.text;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        yield { line, rejection: { field: '', reason: 'not a JSON object' } };
        continue;
      }
      yield validate(line, value);
    }
    return;
  }
  let cutAt: number | undefined;
  const capped = input.pipe(capLines(maxLineBytes, (line) => (cutAt = line)));
  // max_record_size: a record of many short lines (inside quotes) is bounded too.
  const parser = capped.pipe(
    parse({
      columns: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      bom: true,
      max_record_size: maxLineBytes,
    }),
  );
  let unreadable: ReadRow | undefined;
  try {
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield validate(record.info.lines, csvToRow(record.record));
    }
  } catch (err) {
    // A CSV that cannot be parsed further (an unclosed quote, a wrong column count) ends the file.
    const line = (err as { lines?: number }).lines ?? 0;
    unreadable = { line, rejection: { field: '', reason: `unreadable CSV from here on: ${(err as Error).message}` } };
  }
  // Cut at a long line inside a quoted field, the parser fails at the cut: the long line is the reason.
  if (cutAt !== undefined && (!unreadable || unreadable.line >= cutAt))
    yield tooLong(cutAt, maxLineBytes, ': it and the rest of the file were not read');
  else if (unreadable) yield unreadable;
}

function validate(line: number, value: unknown): ReadRow {
  const cleaned = cleanText(value, '');
  if ('problem' in cleaned)
    return { line, rejection: { field: cleaned.problem.path.replace(/^\./, ''), reason: cleaned.problem.message } };
  const parsed = legacyRow.safeParse(cleaned.value);
  if (parsed.success) return { line, row: parsed.data };
  const issue = must(parsed.error.issues[0], 'issue of a failed parse');
  return { line, rejection: { field: issue.path.map(String).join('.'), reason: issue.message } };
}

/** A CSV record in the row's shape; empty cells are absent fields. */
function csvToRow(r: Record<string, string>): unknown {
  const v = (k: string) => (r[k] === undefined || r[k] === '' ? undefined : r[k]);
  const latin = v('latinGivenName')
    ? {
        givenName: v('latinGivenName'),
        fatherName: v('latinFatherName'),
        grandfatherName: v('latinGrandfatherName'),
        familyName: v('latinFamilyName'),
      }
    : undefined;
  return dropUndefined({
    legacyReference: v('legacyReference'),
    name: dropUndefined({
      givenName: v('givenName'),
      fatherName: v('fatherName'),
      grandfatherName: v('grandfatherName'),
      familyName: v('familyName'),
      latin: latin && dropUndefined(latin),
    }),
    sex: v('sex'),
    dateOfBirth: v('dateOfBirth'),
    placeOfBirth: dropUndefined({ governorate: v('governorate'), district: v('district') }),
    motherLegacyReference: v('motherLegacyReference'),
    fatherLegacyReference: v('fatherLegacyReference'),
    familyRegister: someOf({
      directorate: v('familyRegisterDirectorate'),
      register: v('familyRegisterNumber'),
      page: v('familyRegisterPage'),
    }),
    motherName: someOf({ givenName: v('motherGivenName'), fatherName: v('motherFatherName') }),
  });
}

/** A group of columns as one field: absent when every cell is empty, else validated as a whole (a missing cell named). */
function someOf(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const given = dropUndefined(o);
  return Object.keys(given).length > 0 ? given : undefined;
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
}

/** The format of a file by its name: .csv, else NDJSON. */
export function formatOfFile(file: string): ImportFormat {
  return file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson';
}
