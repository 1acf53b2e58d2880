import { conflict, forbidden, notFound, preconditionFailed, unprocessable } from '../../http/problem';
import { canonicalJson } from '../../journal/hash';
import type { CommandContext, JournalEntry } from '../../journal/types';
import type { Services } from '../../services';
import { checkBirthCorrection, decideBirthRegistration } from '../births/service';
import type { ChildFacts } from '../births/schemas';
import type { CivilRecord } from './model';
import type { FieldChange } from './projection';

export async function findRecord(services: Services, id: string): Promise<CivilRecord> {
  const record = await services.models.records.findById(id).lean<CivilRecord>();
  if (!record) throw notFound(`No record ${id}`);
  return record;
}

export function etagOf(record: CivilRecord): string {
  return `"${record.version}"`;
}

function requireStatus(record: CivilRecord, allowed: CivilRecord['status'][], action: string): void {
  if (!allowed.includes(record.status)) {
    throw conflict(`A ${record.status} record cannot be ${action}`, 'invalid-status');
  }
}

/** Registers a declared record. Four eyes: the registrar must not be the declarer. */
export async function registerRecord(services: Services, ctx: CommandContext, id: string): Promise<CivilRecord> {
  await services.journal.execute(ctx, async () => {
    const record = await findRecord(services, id);
    requireStatus(record, ['declared'], 'registered');
    if (record.declaredBy.id === ctx.actor.id) {
      throw forbidden('Four eyes: a record must be registered by someone other than who declared it');
    }
    if (record.kind !== 'birth') throw unprocessable(`Registration of ${record.kind} records is not available yet`, 'kind-not-supported');
    return decideBirthRegistration(services, record, new Date());
  });
  return findRecord(services, id);
}

export async function rejectRecord(services: Services, ctx: CommandContext, id: string, reason: string): Promise<CivilRecord> {
  await services.journal.execute(ctx, async () => {
    const record = await findRecord(services, id);
    requireStatus(record, ['declared'], 'rejected');
    return { type: 'record.rejected', entityIds: [id], data: { recordId: id }, reason };
  });
  return findRecord(services, id);
}

export async function voidRecord(services: Services, ctx: CommandContext, id: string, reason: string): Promise<CivilRecord> {
  await services.journal.execute(ctx, async () => {
    const record = await findRecord(services, id);
    requireStatus(record, ['registered'], 'voided');
    return { type: 'record.voided', entityIds: [id, ...(record.subjectNin ? [record.subjectNin] : [])], data: { recordId: id }, reason };
  });
  return findRecord(services, id);
}

/** Corrects facts of a record that is declared or registered; `ifMatch` is the ETag the caller read. */
export async function correctRecord(
  services: Services, ctx: CommandContext, id: string, ifMatch: string,
  input: { changes: { child: Partial<ChildFacts> }; reason: string },
): Promise<CivilRecord> {
  await services.journal.execute(ctx, async () => {
    const record = await findRecord(services, id);
    if (ifMatch !== etagOf(record) && ifMatch !== `W/${etagOf(record)}`) {
      throw preconditionFailed(`The record is at version ${record.version}; read it again and reapply your change`);
    }
    requireStatus(record, ['declared', 'registered'], 'corrected');
    const facts = await checkBirthCorrection(services, record, input.changes);
    const changes = diff(record.data, facts);
    if (changes.length === 0) throw unprocessable('The correction changes nothing', 'no-change');
    return {
      type: 'record.corrected',
      entityIds: [id, ...(record.subjectNin ? [record.subjectNin] : [])],
      data: { recordId: id, changes, facts },
      reason: input.reason,
    };
  });
  return findRecord(services, id);
}

/** Field-level changes between two fact objects, one level below the top (child.givenName). */
function diff(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const section of Object.keys(after)) {
    const b = (before[section] ?? {}) as Record<string, unknown>;
    const a = (after[section] ?? {}) as Record<string, unknown>;
    for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (canonicalJson(b[field]) !== canonicalJson(a[field])) {
        changes.push({ path: `${section}.${field}`, before: b[field] ?? null, after: a[field] ?? null });
      }
    }
  }
  return changes;
}

/** A record and the journal entries about it, oldest first. */
export async function recordHistory(services: Services, id: string): Promise<{ record: CivilRecord; entries: JournalEntry[] }> {
  const record = await findRecord(services, id);
  return { record, entries: await services.journal.entries.find({ entityIds: id }).sort({ _id: 1 }).toArray() };
}
