import { canonicalJson } from '../../journal/hash';
import { Problem, conflict, forbidden, preconditionFailed, unprocessable } from '../../http/problem';

/** The lifecycle every kind of record shares. */
export type RecordStatus = 'declared' | 'registered' | 'rejected' | 'voided';
export type RecordAction = 'register' | 'reject' | 'correct' | 'void';

/** From which statuses each action may be taken; every other transition is refused. */
export const TRANSITIONS: { readonly [A in RecordAction]: readonly RecordStatus[] } = {
  register: ['declared'],
  reject: ['declared'],
  correct: ['declared', 'registered'],
  void: ['registered'],
};

const PAST: { readonly [A in RecordAction]: string } = {
  register: 'registered',
  reject: 'rejected',
  correct: 'corrected',
  void: 'voided',
};

/** Refuses an action the record's status does not allow (409 invalid-status). */
export function requireTransition(status: RecordStatus, action: RecordAction): void {
  if (!TRANSITIONS[action].includes(status))
    throw conflict(`A ${status} record cannot be ${PAST[action]}`, 'invalid-status');
}

/** Four eyes: the registrar must not be the one who declared the record. */
export function requireFourEyes(declaredBy: string, registrar: string): void {
  if (declaredBy === registrar)
    throw forbidden('Four eyes: a record must be registered by someone other than who declared it');
}

/**
 * An officer amends a declaration before it is registered (names a notified child, fixes a typo
 * at the counter); a registered record is corrected by a registrar only.
 */
export function requireCorrector(role: string, status: RecordStatus): void {
  if (role === 'officer' && status !== 'declared')
    throw new Problem(
      403,
      'Forbidden',
      'A registered record is corrected by a registrar; an officer amends declarations only',
      {
        code: 'registrar-required',
      },
    );
}

/** The ETag of a record version. */
export const etagOfVersion = (version: number) => `"${version}"`;

/** A change must name the version it was made against (If-Match); a stale one is 412. */
export function requireVersion(current: number, ifMatch: number): void {
  if (current !== ifMatch)
    throw preconditionFailed(`The record is at version ${current}; read it again and reapply your change`);
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Field-level changes between two fact objects, one level below the top (child.givenName). */
export function fieldChanges(before: object, after: object): FieldChange[] {
  const b0 = before as Record<string, unknown>;
  const a0 = after as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const section of new Set([...Object.keys(b0), ...Object.keys(a0)])) {
    const b = asObject(b0[section]);
    const a = asObject(a0[section]);
    if (!b || !a) {
      if (canonicalJson(b0[section]) !== canonicalJson(a0[section]))
        changes.push({ path: section, before: b0[section] ?? null, after: a0[section] ?? null });
      continue;
    }
    for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (canonicalJson(b[field]) !== canonicalJson(a[field])) {
        changes.push({ path: `${section}.${field}`, before: b[field] ?? null, after: a[field] ?? null });
      }
    }
  }
  return changes;
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A kind's name (`birth`): the kinds are those the registry lists (src/record-kinds.ts), each with its contract. */
export type RecordKind = string;

/** OFFICE-YEAR-LETTER-000123: per office, year and kind (the kind's letter). */
export function formatRegistrationNumber(office: string, year: number, letter: string, n: number): string {
  return `${office}-${year}-${letter}-${String(n).padStart(6, '0')}`;
}

/** The pattern of registration numbers, from the kinds' letters. */
export const registrationNumberPattern = (letters: readonly string[]) =>
  new RegExp(`^[A-Z]{3}-\\d{4}-[${letters.join('')}]-\\d{6}$`);

/** The facts before a set of field changes: the inverse of `fieldChanges`, for what an entry replaced. */
export function factsBefore(after: object, changes: readonly FieldChange[]): object {
  const facts: Record<string, unknown> = structuredClone({ ...after });
  for (const { path, before } of changes) {
    const [section = path, field] = path.split('.'); // split always gives a first part
    if (field === undefined) {
      if (before === null) delete facts[section];
      else facts[section] = before;
      continue;
    }
    const target = { ...(asObject(facts[section]) ?? {}) };
    if (before === null) delete target[field];
    else target[field] = before;
    facts[section] = target;
  }
  return facts;
}

/** What stops or marks a record; the kind raises some from its facts, the office's work the rest. */
export const RECORD_FLAGS = ['possible-duplicate', 'late', 'delayed', 'incomplete', 'evidence-required'] as const;
export type RecordFlag = (typeof RECORD_FLAGS)[number];

/** Flags in their listed order, each once: equal sets compare equal. */
export function orderedFlags(flags: Iterable<RecordFlag>): RecordFlag[] {
  const set = new Set(flags);
  return RECORD_FLAGS.filter((f) => set.has(f));
}

/**
 * The office's work: the queue a record waits in. Plain functions of the record as projected, so
 * the flags and the queue are a projection of the journal: they rebuild, and the counts kept
 * from them (workqueues/) never drift.
 */
/** The queues of an office, in the order the console shows them. */
export const QUEUES = [
  'to-register',
  'possible-duplicates',
  'incomplete',
  'evidence-required',
  'rejected',
  'to-print',
] as const;
export type QueueId = (typeof QUEUES)[number];

/** What the queue of a record depends on. */
export interface QueueFacts {
  status: 'declared' | 'registered' | 'rejected' | 'voided';
  flags: readonly RecordFlag[];
  certificatesIssued?: number;
}

/**
 * The one queue a record waits in, or none. A declared record waits for what stops its
 * registration first (a duplicate to review, names to complete, evidence to bring), else to be
 * registered; a rejected one waits to be fixed and declared again; a registered one without a
 * certificate waits to be printed. Voided records, and registered ones with a certificate, wait for nothing.
 */
export function queueOf(r: QueueFacts): QueueId | undefined {
  switch (r.status) {
    case 'declared':
      if (r.flags.includes('possible-duplicate')) return 'possible-duplicates';
      if (r.flags.includes('incomplete')) return 'incomplete';
      if (r.flags.includes('evidence-required')) return 'evidence-required';
      return 'to-register';
    case 'rejected':
      return 'rejected';
    case 'registered':
      return (r.certificatesIssued ?? 0) === 0 ? 'to-print' : undefined;
    case 'voided':
      return undefined;
  }
}

/** The key of a queue of an office. */
export const queueKey = (office: string, queue: QueueId) => `${office}/${queue}`;

/**
 * Declarations are grouped in buckets of this many journal entries: a queue's page is read from
 * its buckets one by one, each one indexed equality (the embedded engine answers no range or
 * sort from an index, so one query over the whole queue would read all of it).
 */
export const BUCKET_ENTRIES = 256;
export const bucketOf = (declaredSeq: number) => Math.floor(declaredSeq / BUCKET_ENTRIES);
export const queueBucketKey = (key: string, bucket: number) => `${key}#${bucket}`;

/** The queue a key names (`BGD/to-register` -> `to-register`). */
export const queueOfKey = (key: string) => key.slice(key.indexOf('/') + 1) as QueueId;

/**
 * How a declaration stands to its kind's legal deadline: within it, after it (`late`), or more
 * than a year after the event (`delayed`, which only a court procedure may register).
 */
export const TIMELINESS = ['on-time', 'late', 'delayed'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** The court reference of a record's facts: every kind's declaration accepts one at its top level. */
export function courtReferenceOf(facts: object): string | undefined {
  const ref = (facts as { courtReference?: unknown }).courtReference;
  return typeof ref === 'string' && ref.length > 0 ? ref : undefined;
}

/** The flags a record's timeliness raises: `late`, or `delayed` and, without a court reference, `evidence-required`. */
export function timelinessFlags(timeliness: Timeliness | undefined, courtReference: string | undefined): RecordFlag[] {
  if (timeliness === 'late') return ['late'];
  if (timeliness === 'delayed') return courtReference ? ['delayed'] : ['delayed', 'evidence-required'];
  return [];
}

/** A delayed declaration is registered only on a court's order (422 court-order-required). */
export function requireCourtOrder(record: { timeliness?: Timeliness; data: object }): void {
  if (record.timeliness === 'delayed' && !courtReferenceOf(record.data))
    throw unprocessable(
      'The event was declared more than a year after it happened: a delayed registration needs a court order. ' +
        "Add the court's reference with a correction (changes.courtReference), then register",
      'court-order-required',
    );
}

/** A court's order a registered record was corrected by: a certificate prints it as a marginal note. */
export interface CourtOrder {
  court: string;
  reference: string;
  /** The order's date (YYYY-MM-DD). */
  date: string;
}

/** The evidence a correction needs: nothing more than the request, a reason, or a court's order. */
export const EVIDENCE_LEVELS = ['none', 'reason', 'court-order'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

const STRENGTH: Readonly<Record<EvidenceLevel, number>> = { none: 0, reason: 1, 'court-order': 2 };

/**
 * What a correction of a registered record needs: the strongest level among the field groups its
 * changes touch (a path in no group is in `other`; a group the policy does not name needs a
 * reason), and the groups that ask for it.
 */
export function evidenceNeeded(
  changes: readonly Pick<FieldChange, 'path'>[],
  groups: Readonly<Record<string, readonly string[]>>,
  levels: Readonly<Record<string, EvidenceLevel>>,
): { level: EvidenceLevel; groups: string[] } {
  const touched = new Set(changes.flatMap((c) => groupsOf(c.path, groups)));
  const level = [...touched].reduce<EvidenceLevel>((strongest, group) => {
    const l = levels[group] ?? 'reason';
    return STRENGTH[l] > STRENGTH[strongest] ? l : strongest;
  }, 'none');
  return { level, groups: [...touched].filter((g) => (levels[g] ?? 'reason') === level).sort() };
}

/**
 * The groups a fact path is in: those with a path that is it or above it, or below it (a whole
 * section replaced touches every group in it); none: `other`.
 */
export function groupsOf(path: string, groups: Readonly<Record<string, readonly string[]>>): string[] {
  const within = (p: string) => path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`);
  const found = Object.entries(groups)
    .filter(([, paths]) => paths.some(within))
    .map(([group]) => group);
  return found.length > 0 ? found : ['other'];
}

/** What the duplicate flag depends on: the candidates found at the declaration and the review of them. */
export interface DuplicateStanding {
  duplicates?: readonly { recordId: string }[];
  duplicateReview?: object;
}

/** Candidates that nobody has reviewed yet: the record is `possible-duplicate` and cannot be registered. */
export const hasOpenDuplicates = (r: DuplicateStanding) => (r.duplicates?.length ?? 0) > 0 && !r.duplicateReview;

/**
 * A record's flags: those its kind raises from its facts, those given (its timeliness'), and
 * possible-duplicate until reviewed, in the listed order.
 */
export function flagsOf<R extends DuplicateStanding>(
  kind: { flags?(record: R): readonly RecordFlag[] },
  record: R,
  also: readonly RecordFlag[] = [],
): RecordFlag[] {
  return orderedFlags([
    ...(kind.flags?.(record) ?? []),
    ...also,
    ...(hasOpenDuplicates(record) ? ['possible-duplicate' as const] : []),
  ]);
}

/** Registration waits for the review of a record's possible duplicates (409 possible-duplicate). */
export function requireNoOpenDuplicates(r: DuplicateStanding): void {
  if (hasOpenDuplicates(r))
    throw conflict(
      `The record may be a duplicate of ${(r.duplicates ?? []).map((d) => d.recordId).join(', ')}: a registrar other than the declarer reviews it first (POST /v1/records/{id}/duplicate-review)`,
      'possible-duplicate',
    );
}

/** A registrar's decision on a record's possible duplicates, as the route receives it. */
export interface DuplicateDecision {
  decision: 'not-duplicate' | 'duplicate';
  duplicateOf?: string;
}

/**
 * Who may decide on a record's duplicates, and what: a declared record with candidates not yet
 * reviewed, by someone other than its declarer (four eyes, as for registration), naming, if
 * anything, one of its candidates as the record it repeats.
 */
export function checkDuplicateReview(
  r: DuplicateStanding & {
    status: RecordStatus;
    declaredBy: { id: string };
  },
  reviewer: string,
  d: DuplicateDecision,
): void {
  if (r.status !== 'declared')
    throw conflict(`A ${r.status} record is not reviewed for duplicates: only a declared one is`, 'invalid-status');
  const candidates = (r.duplicates ?? []).map((c) => c.recordId);
  if (candidates.length === 0)
    throw conflict('The record has no possible duplicates to review; register it as it is', 'no-duplicates');
  if (r.duplicateReview)
    throw conflict('The possible duplicates of this record were reviewed already', 'duplicates-reviewed');
  if (r.declaredBy.id === reviewer)
    throw forbidden('Four eyes: possible duplicates are reviewed by someone other than who declared the record');
  if (d.decision === 'not-duplicate' && d.duplicateOf !== undefined)
    throw unprocessable(
      'A record that is not a duplicate is a duplicate of nothing: leave out duplicateOf',
      'not-a-candidate',
    );
  if (d.duplicateOf !== undefined && !candidates.includes(d.duplicateOf))
    throw unprocessable(
      `${d.duplicateOf} is not one of the record's possible duplicates (${candidates.join(', ')}); name one of them or leave duplicateOf out`,
      'not-a-candidate',
    );
}
