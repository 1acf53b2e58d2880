import { validated } from '../../http/validation';
import type { Db } from 'mongodb';
import { notFound, unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CorrectionEvidence, RecordEvents } from './events';
import type { Catalogue, CommandContext, EntryDraft, EventType, StoredEntry } from '../../journal/types';
import { nextRegistrationNumber } from './ids';
import type { KindHandler, RecordKinds } from './contract';
import type { CivilRecord, RecordStore } from './store';
import {
  checkDuplicateReview,
  fieldChanges,
  requireCorrector,
  requireCourtOrder,
  requireFourEyes,
  requireNoOpenDuplicates,
  requireTransition,
  requireVersion,
  type DuplicateDecision,
  type EvidenceLevel,
} from './rules';
import { requireEvidence } from './evidence';

/** What the record commands use. */
export interface RecordDeps {
  journal: Journal<RecordEvents>;
  records: RecordStore;
  kinds: RecordKinds;
  /** Where the registration-number counters live. */
  db: Db;
  /** The civil-status law's correction policy: kind -> field group -> evidence needed. */
  law: { corrections: Readonly<Record<string, Readonly<Record<string, EvidenceLevel>>>> };
}

/** What an entry about a record is filed under: the record, the person it is about first, and everyone it names. */
const entityIdsOf = (record: CivilRecord) => [
  ...new Set([record._id, ...(record.subjectNin ? [record.subjectNin] : []), ...record.personNins]),
];

export async function findRecord(records: RecordStore, id: string): Promise<CivilRecord> {
  const record = await records.get(id);
  if (!record) throw notFound(`No record ${id}`);
  return record;
}

/** The office a record belongs to (its declarer's), for the office check of record actions. */
export async function recordOffice(records: RecordStore, id: string): Promise<string> {
  return (await findRecord(records, id)).office;
}

/**
 * Registers a declared record. Four eyes: the registrar must not be the declarer. The number is
 * allocated once per command: a retry after a lost append race reuses it, so races leave no gaps.
 */
export async function registerRecord(deps: RecordDeps, ctx: CommandContext, id: string): Promise<CivilRecord> {
  const kind = deps.kinds.of((await findRecord(deps.records, id)).kind);
  let registrationNumber: string | undefined;
  await kind.register(ctx, async () => {
    const record = await findRecord(deps.records, id);
    requireTransition(record.status, 'register');
    requireFourEyes(record.declaredBy.id, ctx.actor.id);
    requireCourtOrder(record);
    registrationNumber ??= await nextRegistrationNumber(
      deps.db,
      record.office,
      kind.letter,
      new Date().getUTCFullYear(),
    );
    return { record, registrationNumber };
  });
  return findRecord(deps.records, id);
}

export async function rejectRecord(
  deps: RecordDeps,
  ctx: CommandContext,
  id: string,
  reason: string,
): Promise<CivilRecord> {
  await deps.journal.execute(ctx, async () => {
    const record = await findRecord(deps.records, id);
    requireTransition(record.status, 'reject');
    return { type: 'record.rejected', entityIds: [id], data: { recordId: id }, reason };
  });
  return findRecord(deps.records, id);
}

/** A registrar's decision on a declared record's possible duplicates; `duplicate` rejects it with the reason. */
export async function reviewDuplicates(
  deps: RecordDeps,
  ctx: CommandContext,
  id: string,
  input: DuplicateDecision & { reason: string },
): Promise<CivilRecord> {
  await deps.journal.execute(ctx, async () => {
    const record = await findRecord(deps.records, id);
    checkDuplicateReview(record, ctx.actor.id, input);
    return {
      type: 'record.duplicate-reviewed',
      entityIds: entityIdsOf(record),
      data: {
        recordId: id,
        decision: input.decision,
        ...(input.duplicateOf ? { duplicateOf: input.duplicateOf } : {}),
      },
      reason: input.reason,
    };
  });
  return findRecord(deps.records, id);
}

export async function voidRecord(
  deps: RecordDeps,
  ctx: CommandContext,
  id: string,
  reason: string,
): Promise<CivilRecord> {
  await deps.journal.execute(ctx, async () => {
    const record = await findRecord(deps.records, id);
    requireTransition(record.status, 'void');
    return { type: 'record.voided', entityIds: entityIdsOf(record), data: { recordId: id }, reason };
  });
  return findRecord(deps.records, id);
}

/**
 * Corrects facts of a record that is declared or registered, at the version the caller read. A
 * registered record's correction brings the evidence the law asks for the groups it changes
 * (evidence.ts); the entry holds it, so the history shows what each correction rests on.
 */
export async function correctRecord(
  deps: RecordDeps,
  ctx: CommandContext & { ifMatch: number },
  id: string,
  input: { changes: object; reason: string; evidence?: CorrectionEvidence },
): Promise<CivilRecord> {
  await deps.journal.execute(ctx, async () => {
    const record = await findRecord(deps.records, id);
    requireVersion(record.version, ctx.ifMatch);
    requireTransition(record.status, 'correct');
    requireCorrector(ctx.actor.role, record.status);
    const kind = deps.kinds.of(record.kind);
    const changesOfKind = validated(
      kind.schemas.changes,
      input.changes,
      ['body', 'changes'],
      `These changes do not fit a ${record.kind} record`,
    );
    const facts = await kind.checkCorrection(record, changesOfKind);
    const changes = fieldChanges(record.data, facts);
    if (changes.length === 0) throw unprocessable('The correction changes nothing', 'no-change');
    requireEvidence(
      record,
      changes,
      kind.correctionGroups ?? {},
      deps.law.corrections[record.kind] ?? {},
      input.evidence,
    );
    return {
      type: 'record.corrected',
      entityIds: entityIdsOf(record),
      data: { recordId: id, changes, facts, ...(input.evidence ? { evidence: input.evidence } : {}) },
      reason: input.reason,
    };
  });
  return findRecord(deps.records, id);
}

/** A record and the journal entries about it, oldest first. */
export async function recordHistory(
  deps: RecordDeps,
  id: string,
): Promise<{ record: CivilRecord; entries: StoredEntry[] }> {
  const record = await findRecord(deps.records, id);
  return { record, entries: await deps.journal.entries.find({ entityIds: id }).sort({ _id: 1 }).toArray() };
}

/**
 * A kind's `register`: its own journal command around records/' preparation (lifecycle checks,
 * the number) and the kind's decision of the registration entry.
 */
export function registrationCommand<E extends Catalogue, K extends EventType<E>, F extends object>(
  journal: Journal<E>,
  decide: (record: CivilRecord<F>, registrationNumber: string) => Promise<EntryDraft<E, K>>,
): KindHandler<F>['register'] {
  return async (ctx, prepare) => {
    await journal.execute(ctx, async () => {
      const { record, registrationNumber } = await prepare();
      const draft = await decide(record, registrationNumber);
      // After the kind's rules: an event they refuse (a second death) is told its own reason first.
      requireNoOpenDuplicates(record);
      return draft;
    });
  };
}
