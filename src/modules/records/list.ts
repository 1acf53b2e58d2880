import type { Filter } from 'mongodb';
import type { Actor } from '../../journal/types';
import type { PersonStore } from '../persons/projectors';
import type { DeclaredName, RecordKinds } from './contract';
import { queueKey, type QueueId, type RecordFlag, type RecordStatus } from './rules';
import type { CivilRecord, RecordStore } from './store';

/** The filters of GET /v1/records, validated. */
export interface RecordFilter {
  queue?: QueueId;
  status?: RecordStatus;
  kind?: string;
  office?: string;
  flag?: RecordFlag;
  declaredBy?: 'me';
  from?: string;
  to?: string;
}

/** Where a page starts: after this declaration time and record id (the list's order). */
export interface ListCursor {
  declaredAt: string;
  id: string;
}

export const CURSOR_PATTERN = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|r_[A-Za-z0-9_-]{22}$/;
export const cursorOf = (c: string): ListCursor => {
  const [declaredAt = '', id = ''] = c.split('|');
  return { declaredAt, id };
};
export const cursorText = (r: Pick<CivilRecord, 'declaredAt' | '_id'>) => `${r.declaredAt}|${r._id}`;

/** The day after a date, for `to` (inclusive) as a bound on declaration times. */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The office a list is of: the one asked for, else the caller's (staff), else all (auditors,
 * who see every office). A national registry: staff may read another office's list.
 */
export function officeOfList(actor: Actor, asked: string | undefined): string | undefined {
  if (asked) return asked;
  return actor.role === 'auditor' ? undefined : actor.office;
}

/**
 * The query of one page, oldest declaration first. The queue key (or else the office, or the
 * status) comes first: the embedded engine answers the first indexed equality from its index.
 */
export function listQuery(actor: Actor, f: RecordFilter, after?: ListCursor): Filter<CivilRecord> {
  const office = officeOfList(actor, f.office);
  const lead: Filter<CivilRecord> =
    f.queue && office
      ? { queue: queueKey(office, f.queue) }
      : office
        ? { office }
        : f.status
          ? { status: f.status }
          : {};
  const and: Filter<CivilRecord>[] = [];
  if (f.from || f.to)
    and.push({ declaredAt: { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: dayAfter(f.to) } : {}) } });
  if (after)
    and.push({
      $or: [{ declaredAt: { $gt: after.declaredAt } }, { declaredAt: after.declaredAt, _id: { $gt: after.id } }],
    });
  return {
    ...lead,
    ...(office ? { office } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.flag ? { flags: f.flag } : {}),
    ...(f.declaredBy === 'me' ? { 'declaredBy.id': actor.id } : {}),
    ...(and.length > 0 ? { $and: and } : {}),
  };
}

/** A queue asked for without an office: only an auditor can, and a queue is always an office's. */
export const needsOffice = (actor: Actor, f: RecordFilter) => f.queue !== undefined && !officeOfList(actor, f.office);

export async function listRecords(
  records: RecordStore,
  actor: Actor,
  f: RecordFilter,
  page: { limit: number; after?: ListCursor },
): Promise<{ items: CivilRecord[]; next: string | null }> {
  const rows = (await records.collection
    .find(listQuery(actor, f, page.after))
    .sort({ declaredAt: 1, _id: 1 })
    .limit(page.limit + 1)
    .toArray()) as CivilRecord[];
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? cursorText(last) : null };
}

const nameText = (n: DeclaredName) =>
  [n.givenName, n.fatherName, n.grandfatherName, n.familyName].filter((p) => p !== undefined && p !== '').join(' ');

/** List items: each record's summary, its subjects' current names looked up in one read. */
export async function presentSummaries(persons: PersonStore, kinds: RecordKinds, items: CivilRecord[]) {
  const summaries = items.map((r) => ({ record: r, summary: kinds.of(r.kind).work.summary(r.data) }));
  const nins = [
    ...new Set(summaries.flatMap(({ summary }) => summary.subjects.flatMap((s) => ('nin' in s ? [s.nin] : [])))),
  ];
  const names = new Map((await persons.pickExisting(nins, ['name'])).map((p) => [p._id, p.name]));
  const view = summaries.map(({ record: r, summary }) => ({
    id: r._id,
    kind: r.kind,
    status: r.status,
    flags: r.flags ?? [],
    office: r.office,
    subjectName: summary.subjects
      .map((s) => nameText('nin' in s ? (names.get(s.nin) ?? {}) : s.name))
      .filter((t) => t !== '')
      .join(' / '),
    eventDate: summary.eventDate,
    declaredAt: r.declaredAt,
    declaredBy: r.declaredBy.id,
    ...(r.registrationNumber ? { registrationNumber: r.registrationNumber } : {}),
  }));
  // The access log names whom the list showed: its subjects (a registered child by NIN too).
  const subjects = items.flatMap((r) => (r.subjectNin ? [r.subjectNin] : []));
  return { view, named: [...new Set([...nins, ...subjects])] };
}
