import type { PersonStore } from '../persons/projectors';
import type { RecordListener } from '../records/contract';
import { deriveStatus, maritalStatusBefore, marriageState, spousesOf, type MarriageEvent } from './derive';
import { loadCircle, type LoadedCircle, type CircleDeps } from './circle';

/**
 * Derives again the civil status of everyone a changed marriage, divorce or death is about, and
 * of their spouses (a death widows them), and how each of their marriages stands. Recomputed
 * from the registered events, never toggled, so it is idempotent: a replay writes the same.
 * An annulment is such a change too: it names the marriage's parties, whose statuses it undoes,
 * and what their later marriages say they were before them.
 */
export function civilStatusListener(deps: CircleDeps): RecordListener {
  return async ({ record }) => {
    if (!deps.kinds.of(record.kind).civilEvent) return;
    // Two hops: the spouses' own spouses too, for the spouses' statuses (a widow who married again).
    const world = await loadCircle(deps, record.personNins, { hops: 2 });
    const affected = [
      ...new Set([...record.personNins, ...record.personNins.flatMap((n) => spousesOf(n, world.events))]),
    ];
    await rederive(deps, world, affected);
  };
}

async function rederive(
  deps: { persons: PersonStore; records: CircleDeps['records'] },
  world: LoadedCircle,
  nins: readonly string[],
): Promise<void> {
  for (const nin of nins) {
    const person = world.people.get(nin);
    if (!person) continue;
    const derived = deriveStatus(nin, world.events);
    if (
      person.status === derived.status &&
      person.dateOfDeath === derived.dateOfDeath &&
      person.maritalStatus === derived.maritalStatus
    )
      continue;
    const { dateOfDeath, ...always } = derived;
    // A new version, so the person's ETag changes with what it shows (only real changes reach here).
    await deps.persons.setDerived(
      nin,
      { ...always, ...(dateOfDeath ? { dateOfDeath } : {}) },
      dateOfDeath ? [] : ['dateOfDeath'],
      { version: 1 },
    );
  }
  const marriages = world.events.filter(
    (e): e is MarriageEvent => e.kind === 'marriage' && e.parties.some((p) => nins.includes(p)),
  );
  for (const marriage of marriages) {
    const { dissolution, annulment } = marriageState(marriage, world.events);
    const record = world.records.get(marriage.id);
    // Each party's status before it, as the registry now knows it: an earlier marriage annulled
    // (void from its start) or a divorce registered later changes what it was.
    const [a, b] = marriage.parties;
    const previousMaritalStatus = record?.derived?.previousMaritalStatus && {
      partyA: maritalStatusBefore(a, world.events, marriage.date),
      partyB: maritalStatusBefore(b, world.events, marriage.date),
    };
    const standing = { dissolution, annulment, previousMaritalStatus };
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    for (const key of ['dissolution', 'annulment', 'previousMaritalStatus'] as const) {
      if (JSON.stringify(record?.derived?.[key]) === JSON.stringify(standing[key])) continue;
      if (standing[key]) set[`derived.${key}`] = standing[key];
      else unset.push(`derived.${key}`);
    }
    if (Object.keys(set).length === 0 && unset.length === 0) continue;
    await deps.records.setDerived(marriage.id, set, unset, { version: 1 });
  }
}
