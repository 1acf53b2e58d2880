import { forbidden } from '../../http/problem';
import { marriagesOf } from '../civil-status/derive';
import { loadCircle, type CircleDeps } from '../civil-status/circle';
import type { CivilRecord } from '../records/store';

/**
 * Which records a citizen may have certificates of: their own birth and their children's (a
 * birth names the child and the parents), their own marriages and divorces, and the death of a
 * parent or of a spouse (a registered marriage between them that this death dissolved).
 */
export async function requireEntitled(deps: CircleDeps, record: CivilRecord, nin: string): Promise<void> {
  if (record.kind !== 'death') {
    if (record.personNins.includes(nin) || record.subjectNin === nin) return;
    throw forbidden('A citizen may have certificates of their own records and their children’s births only');
  }
  const deceased = record.subjectNin;
  const world = await loadCircle(deps, [nin]);
  const me = world.people.get(nin);
  const parent = deceased !== undefined && (me?.motherNin === deceased || me?.fatherNin === deceased);
  const spouse = marriagesOf(nin, world.events).some(
    (s) => s.dissolution?.by === 'death' && s.dissolution.recordId === record._id,
  );
  if (!parent && !spouse) throw forbidden('A citizen may have the death certificate of a parent or a spouse only');
}
