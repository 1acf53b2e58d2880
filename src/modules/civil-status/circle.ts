import type { Person } from '../persons/store';
import type { PersonStore } from '../persons/projectors';
import type { RecordKinds } from '../records/contract';
import type { CivilRecord, RecordStore } from '../records/store';
import { spousesOf, type CivilEvent } from './derive';
import type { Party, Circle } from './rules';

export interface CircleDeps {
  persons: PersonStore;
  records: RecordStore;
  kinds: RecordKinds;
}

/** The world of some people, with the documents it came from. */
export interface LoadedCircle extends Circle {
  people: Map<string, Person>;
  records: Map<string, CivilRecord>;
}

const partyOf = (p: Person): Party => ({
  nin: p._id,
  sex: p.sex,
  dateOfBirth: p.dateOfBirth,
  ...(p.motherNin ? { motherNin: p.motherNin } : {}),
  ...(p.fatherNin ? { fatherNin: p.fatherNin } : {}),
});

/** The civil-status event of a record: only registered records count (declared, rejected and voided ones do not). */
export function civilEventOf(kinds: RecordKinds, record: CivilRecord): CivilEvent | undefined {
  if (record.status !== 'registered') return undefined;
  return kinds.of(record.kind).civilEvent?.(record);
}

/**
 * These people, their spouses (and, with `hops: 2`, their spouses' spouses), and every record
 * linked to any of them (a person's `recordIds`: their registered birth, marriages, divorces,
 * death). Two lookups by `_id` per hop. `children: true` also reads the registered children of
 * the people asked about, which only a death's check needs.
 */
export async function loadCircle(
  deps: CircleDeps,
  nins: readonly string[],
  options: { hops?: 1 | 2; children?: boolean } = {},
): Promise<LoadedCircle> {
  const people = new Map<string, Person>();
  const records = new Map<string, CivilRecord>();
  const events = new Map<string, CivilEvent>();
  const addPeople = async (wanted: readonly string[]) => {
    const fresh = [...new Set(wanted)].filter((n) => !people.has(n));
    for (const p of await deps.persons.existing(fresh)) people.set(p._id, p);
    const ids = fresh.flatMap((n) => people.get(n)?.recordIds ?? []).filter((id) => !records.has(id));
    for (const r of await deps.records.existing([...new Set(ids)])) {
      records.set(r._id, r);
      const event = civilEventOf(deps.kinds, r);
      if (event) events.set(event.id, event);
    }
    return fresh;
  };
  let layer = await addPeople(nins);
  for (let hop = 0; hop < (options.hops ?? 1); hop++)
    layer = await addPeople(layer.flatMap((n) => spousesOf(n, [...events.values()])));
  return {
    people,
    records,
    persons: new Map([...people.values()].map((p) => [p._id, partyOf(p)])),
    events: [...events.values()],
    ...(options.children ? { children: await childrenOf(deps, records, nins) } : {}),
  };
}

/** The registered children of these people: a registered birth names its child (subjectNin). */
async function childrenOf(
  deps: CircleDeps,
  records: Map<string, CivilRecord>,
  nins: readonly string[],
): Promise<Party[]> {
  const childNins = [...records.values()].flatMap((r) =>
    r.kind === 'birth' && r.status === 'registered' && r.subjectNin && !nins.includes(r.subjectNin)
      ? [r.subjectNin]
      : [],
  );
  const children = await deps.persons.existing(childNins);
  return children.filter((c) => nins.includes(c.motherNin ?? '') || nins.includes(c.fatherNin ?? '')).map(partyOf);
}
