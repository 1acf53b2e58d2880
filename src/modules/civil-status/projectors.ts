import type { PersonStore } from '../persons/projectors';
import type { RecordListener } from '../records/contract';
import { deriveStatus, marriageState, spousesOf, type MarriageEvent } from './derive';
import { loadCircle, type LoadedCircle, type CircleDeps } from './circle';

/**
 * Derives again the civil status of everyone a changed marriage, divorce or death is about, and
 * of their spouses (a death widows them), and how each of their marriages stands. Recomputed
 * from the registered events, never toggled, so it is idempotent: a replay writes the same.
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
    const { dissolution } = marriageState(marriage, world.events);
    const record = world.records.get(marriage.id);
    if (JSON.stringify(record?.derived?.dissolution) === JSON.stringify(dissolution)) continue;
    await deps.records.setDerived(
      marriage.id,
      dissolution ? { 'derived.dissolution': dissolution } : {},
      dissolution ? [] : ['derived.dissolution'],
      {
        version: 1,
      },
    );
  }
}
