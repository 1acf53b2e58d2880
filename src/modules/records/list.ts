import { addDays } from '../common/dates';
import type { Filter } from 'mongodb';
import type { Actor } from '../../journal/types';
import type { PersonStore } from '../persons/projectors';
import type { DeclaredName, RecordKinds } from './contract';
import type { ProjectionStore } from '../../db/store';
import { bucketOf, queueBucketKey, queueKey, type QueueId, type RecordFlag, type RecordStatus } from './rules';
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

/** Lists are in declaration order: a page continues after the declaration seq of its last item. */
export const CURSOR_PATTERN = /^\d{1,15}$/;

/**
 * The office a list is of: the one asked for, else the caller's (staff), else all (auditors,
 * who see every office). A national registry: staff may read another office's list.
 */
export function officeOfList(actor: Actor, asked: string | undefined): string | undefined {
  if (asked) return asked;
  return actor.role === 'auditor' ? undefined : actor.office;
}

/** The filters as a query, besides the queue and the page's start. */
function filterQuery(actor: Actor, f: RecordFilter): Filter<CivilRecord> {
  const office = officeOfList(actor, f.office);
  const declared =
    f.from || f.to ? { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: addDays(f.to, 1) } : {}) } : undefined;
  return {
    ...(office ? { office } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.flag ? { flags: f.flag } : {}),
    ...(f.declaredBy === 'me' ? { 'declaredBy.id': actor.id } : {}),
    ...(declared ? { declaredAt: declared } : {}),
  };
}

/** A queue asked for without an office: only an auditor can, and a queue is always an office's. */
export const needsOffice = (actor: Actor, f: RecordFilter) => f.queue !== undefined && !officeOfList(actor, f.office);

export interface ListDeps {
  records: RecordStore;
  /** The office's queue counts, with how many of each queue are in each bucket of declarations. */
  queueCounts: ProjectionStore<{
    _id: string;
    seq: number;
    buckets?: Partial<Record<QueueId, Record<string, number>>>;
  }>;
}

type ListPage = { items: CivilRecord[]; next: string | null };

const byDeclaration = (a: CivilRecord, b: CivilRecord) => (a.declaredSeq ?? a.seq) - (b.declaredSeq ?? b.seq);

function pageOf(rows: CivilRecord[], limit: number): ListPage {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? String(last.declaredSeq ?? last.seq) : null };
}

/**
 * One page of a queue, read bucket by bucket from the oldest with records in it: each read is
 * one indexed equality (`queueBucket`) over at most a bucket's declarations, so a page costs the
 * same however long the queue and however large the registry.
 */
async function queuePage(
  deps: ListDeps,
  key: string,
  queue: QueueId,
  office: string,
  query: Filter<CivilRecord>,
  limit: number,
  after?: number,
): Promise<ListPage> {
  const counts = (await deps.queueCounts.get(office))?.buckets?.[queue] ?? {};
  const buckets = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([b]) => Number(b))
    .filter((b) => after === undefined || b >= bucketOf(after))
    .sort((x, y) => x - y);
  const rows: CivilRecord[] = [];
  for (const bucket of buckets) {
    const found = (await deps.records.collection
      .find({ queueBucket: queueBucketKey(key, bucket), ...query } as Filter<CivilRecord>)
      .toArray()) as CivilRecord[];
    rows.push(...found.filter((r) => after === undefined || (r.declaredSeq ?? r.seq) > after).sort(byDeclaration));
    if (rows.length > limit) break;
  }
  return pageOf(rows, limit);
}

/** A page of records, oldest declaration first. */
export async function listRecords(
  deps: ListDeps,
  actor: Actor,
  f: RecordFilter,
  page: { limit: number; after?: number },
): Promise<ListPage> {
  const office = officeOfList(actor, f.office);
  const query = filterQuery(actor, f);
  if (f.queue && office)
    return queuePage(deps, queueKey(office, f.queue), f.queue, office, query, page.limit, page.after);
  // The office (or the status) first: the embedded engine answers the first indexed equality from its index.
  const rows = (await deps.records.collection
    .find({
      ...query,
      ...(page.after !== undefined ? { declaredSeq: { $gt: page.after } } : {}),
    } as Filter<CivilRecord>)
    .sort({ declaredSeq: 1 })
    .limit(page.limit + 1)
    .toArray()) as CivilRecord[];
  return pageOf(rows, page.limit);
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
