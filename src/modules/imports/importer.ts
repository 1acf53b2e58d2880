import type { PersonEvents } from '../persons/events';
import type { Journal } from '../../journal/journal';
import type { CommandContext, EntryDraft } from '../../journal/types';
import { must } from '../../lib/must';
import type { LegacyRefStore, PersonStore } from '../persons/projectors';
import type { NewPerson } from '../persons/store';
import { checkDateOfBirth } from '../persons/rules';
import { unusedNins } from '../persons/commands';
import type { LegacyRow, ReadRow } from './format';
import { personKey } from '../duplicates/keys';
import type { PersonKeyStore } from '../duplicates/store';

/** A row that was not enrolled (or enrolled without a parent link: a warning), and why. */
export interface Rejection {
  line: number;
  field: string;
  reason: string;
  warning?: true;
  /** A possible duplicate: the NINs of the people enrolled with the same folded full name, sex and date of birth. */
  candidates?: string[];
}

export interface ImportReport {
  /** Rows read (valid or not). */
  rows: number;
  imported: number;
  /** Rows whose legacy reference was enrolled before (an earlier run, or earlier in the file). */
  skipped: number;
  rejected: number;
  warnings: number;
  batches: number;
}

export interface ImportOptions {
  /** Where the rows came from, for the journal (a file name, or "upload"). */
  source: string;
  batchSize?: number;
  onRejection(rejection: Rejection): void;
  onBatch?(report: ImportReport): void;
  /** Asked between batches: a true answer stops after the batch written (Ctrl-C). */
  shouldStop?(): boolean;
}

export interface ImportDeps {
  journal: Journal<PersonEvents>;
  persons: PersonStore;
  legacyRefs: LegacyRefStore;
  personKeys: PersonKeyStore;
}

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Enrols the legacy register's people, in batches: one hash-chained entry enrols a batch, each
 * person with a new NIN. The legacy reference is unique, so a run after a crash or a stop skips
 * everyone enrolled before and goes on where it ended; nobody is enrolled twice.
 */
export async function importLegacyRegister(
  deps: ImportDeps,
  ctx: CommandContext,
  rows: AsyncIterable<ReadRow>,
  opts: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, imported: 0, skipped: 0, rejected: 0, warnings: 0, batches: 0 };
  const reject = (r: Rejection) => {
    if (r.warning) report.warnings++;
    else report.rejected++;
    opts.onRejection(r);
  };
  let batch: { line: number; row: LegacyRow }[] = [];
  const flush = async () => {
    const outcome = await enrolBatch(deps, ctx, batch, opts.source);
    outcome.rejections.forEach(reject);
    report.imported += outcome.imported;
    report.skipped += outcome.skipped;
    report.batches += outcome.imported > 0 ? 1 : 0;
    batch = [];
    // Saved after each batch: another process (the running service) then need not apply it again.
    await deps.journal.flush();
    opts.onBatch?.({ ...report });
  };
  for await (const read of rows) {
    report.rows++;
    if ('rejection' in read) reject({ line: read.line, ...read.rejection });
    else batch.push(read);
    if (batch.length >= (opts.batchSize ?? DEFAULT_BATCH_SIZE)) {
      await flush();
      if (opts.shouldStop?.()) return report;
    }
  }
  if (batch.length > 0) await flush();
  return report;
}

interface BatchOutcome {
  imported: number;
  skipped: number;
  rejections: Rejection[];
}

/** Decides and appends one batch; decided again (from scratch) if another process appended first. */
async function enrolBatch(
  deps: ImportDeps,
  ctx: CommandContext,
  batch: { line: number; row: LegacyRow }[],
  source: string,
): Promise<BatchOutcome> {
  let outcome: BatchOutcome = { imported: 0, skipped: 0, rejections: [] };
  await deps.journal.executeUnlessNothing(ctx, async () => {
    const decided = await decideBatch(deps, batch, source);
    outcome = decided.outcome;
    // A batch enrolled entirely before (a resumed run) appends nothing.
    return decided.draft ?? null;
  });
  return outcome;
}

async function decideBatch(
  deps: ImportDeps,
  batch: { line: number; row: LegacyRow }[],
  source: string,
): Promise<{ outcome: BatchOutcome; draft?: EntryDraft<PersonEvents, 'person.enrolled-batch'> }> {
  const rejections: Rejection[] = [];
  const unique = new Map<string, { line: number; row: LegacyRow }>();
  for (const item of batch) {
    if (unique.has(item.row.legacyReference))
      rejections.push({ line: item.line, field: 'legacyReference', reason: 'appears twice in the file' });
    else unique.set(item.row.legacyReference, item);
  }
  const enrolledBefore = new Set((await deps.legacyRefs.existing([...unique.keys()])).map((r) => r._id));
  const fresh = [...unique.values()]
    .filter((item) => !enrolledBefore.has(item.row.legacyReference))
    .filter((item) => {
      try {
        checkDateOfBirth(item.row.dateOfBirth);
        return true;
      } catch (err) {
        rejections.push({ line: item.line, field: 'dateOfBirth', reason: (err as Error).message });
        return false;
      }
    });
  const unrepeated = await withoutDuplicates(deps.personKeys, fresh, rejections);
  const nins = await unusedNins(deps.persons, unrepeated.length);
  const ninOf = (i: number) => must(nins[i], 'unused NIN for each new person');
  const inBatch = new Map(
    unrepeated.map((item, i) => [item.row.legacyReference, { nin: ninOf(i), sex: item.row.sex }]),
  );
  const parentRefs = unrepeated
    .flatMap((i) => [i.row.motherLegacyReference, i.row.fatherLegacyReference])
    .filter((r): r is string => !!r && !inBatch.has(r));
  const known = new Map(
    (await deps.legacyRefs.existing([...new Set(parentRefs)])).map((r) => [r._id, { nin: r.nin, sex: r.sex }]),
  );
  const parent = (
    item: { line: number; row: LegacyRow },
    field: 'motherLegacyReference' | 'fatherLegacyReference',
    sex: 'female' | 'male',
  ) => {
    const ref = item.row[field];
    if (!ref) return undefined;
    const found = inBatch.get(ref) ?? known.get(ref);
    const problem = !found
      ? 'no person with this legacy reference (yet)'
      : found.sex !== sex
        ? `the person with this legacy reference is not ${sex}`
        : undefined;
    if (problem)
      rejections.push({ line: item.line, field, reason: `${problem}; enrolled without this parent`, warning: true });
    return problem ? undefined : found?.nin;
  };
  const persons: NewPerson[] = unrepeated.map((item, i) => {
    const { row } = item;
    const motherNin = parent(item, 'motherLegacyReference', 'female');
    const fatherNin = parent(item, 'fatherLegacyReference', 'male');
    return {
      nin: ninOf(i),
      name: row.name,
      sex: row.sex,
      dateOfBirth: row.dateOfBirth,
      placeOfBirth: row.placeOfBirth,
      legacyReference: row.legacyReference,
      ...(row.familyRegister ? { familyRegister: row.familyRegister } : {}),
      ...(row.motherName ? { motherName: row.motherName } : {}),
      ...(motherNin ? { motherNin } : {}),
      ...(fatherNin ? { fatherNin } : {}),
    };
  });
  const outcome = { imported: persons.length, skipped: enrolledBefore.size, rejections };
  if (persons.length === 0) return { outcome };
  return { outcome, draft: { type: 'person.enrolled-batch', entityIds: nins, data: { source, persons } } };
}

/**
 * The enrolment's duplicate rule for a batch, in one `_id $in` read of the keys: a row whose folded
 * full name, sex and date of birth are those of someone enrolled, or of a row before it in the
 * batch, is rejected with the candidates' NINs (or the earlier row's line), to be enrolled by hand.
 */
async function withoutDuplicates(
  personKeys: PersonKeyStore,
  rows: { line: number; row: LegacyRow }[],
  rejections: Rejection[],
): Promise<{ line: number; row: LegacyRow }[]> {
  const keyed = rows.map((item) => ({ item, key: personKey(item.row) }));
  const enrolled = new Map(
    (await personKeys.existing([...new Set(keyed.map((k) => k.key))])).map((k) => [k._id, k.nins]),
  );
  const earlierLine = new Map<string, number>();
  return keyed.flatMap(({ item, key }) => {
    const candidates = enrolled.get(key) ?? [];
    const earlier = earlierLine.get(key);
    if (candidates.length > 0) {
      rejections.push({
        line: item.line,
        field: 'name',
        reason: `possible duplicate: someone with the same name, sex and date of birth is enrolled (${candidates.join(', ')}); enrol by hand with notDuplicateOf if they are others`,
        candidates,
      });
      return [];
    }
    if (earlier !== undefined) {
      rejections.push({
        line: item.line,
        field: 'name',
        reason: `possible duplicate of line ${earlier}: the same name, sex and date of birth; enrol by hand with notDuplicateOf if they are others`,
      });
      return [];
    }
    earlierLine.set(key, item.line);
    return [item];
  });
}
