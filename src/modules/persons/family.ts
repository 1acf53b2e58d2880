import { notFound } from '../../http/problem';
import { loadCircle, type CircleDeps } from '../civil-status/circle';
import { marriagesOf } from '../civil-status/derive';
import type { Person } from './store';

/** A member of a family as the family route shows them: who they are and how they stand. */
export const familyMember = (p: Person) => ({
  nin: p._id,
  name: p.name,
  sex: p.sex,
  dateOfBirth: p.dateOfBirth,
  status: p.status,
  ...(p.dateOfDeath ? { dateOfDeath: p.dateOfDeath } : {}),
  maritalStatus: p.maritalStatus,
});

const byBirth = (a: Person, b: Person) =>
  a.dateOfBirth !== b.dateOfBirth ? (a.dateOfBirth < b.dateOfBirth ? -1 : 1) : a._id < b._id ? -1 : 1;

/**
 * A person's family as the register holds it: the enrolled parents, every spouse of a registered
 * marriage that was not annulled (in force unless a divorce or a death dissolved it), and the
 * children who name the person as mother or father (by a registered birth or the legacy import).
 * Indexed lookups only: the person and their spouses by `_id` with their records (the civil-status
 * circle), the parents by `_id`, the children by the `motherNin` and `fatherNin` indexes.
 */
export async function familyOf(deps: CircleDeps, nin: string) {
  const world = await loadCircle(deps, [nin]);
  const person = world.people.get(nin);
  if (!person) throw notFound(`No person with NIN ${nin}`);
  const parentNins = [person.motherNin, person.fatherNin].filter((n): n is string => n !== undefined);
  const [parents, asMother, asFather] = await Promise.all([
    deps.persons.existing(parentNins),
    deps.persons.list({ motherNin: nin }),
    deps.persons.list({ fatherNin: nin }),
  ]);
  const spouses = marriagesOf(nin, world.events).flatMap((state) => {
    const spouse = world.people.get(state.marriage.parties.find((p) => p !== nin) ?? nin);
    return spouse
      ? [{ ...familyMember(spouse), marriage: { recordId: state.marriage.id, inForce: !state.dissolution } }]
      : [];
  });
  const children = [...new Map([...asMother, ...asFather].map((c) => [c._id, c])).values()].sort(byBirth);
  return {
    person: {
      ...familyMember(person),
      ...(person.familyRegister ? { familyRegister: person.familyRegister } : {}),
      ...(person.motherName ? { motherName: person.motherName } : {}),
    },
    // The mother first, as the National Card names her first.
    parents: parents
      .map((p) => ({
        relationship: p._id === person.motherNin ? ('mother' as const) : ('father' as const),
        ...familyMember(p),
      }))
      .sort((a, b) => (a.relationship === b.relationship ? 0 : a.relationship === 'mother' ? -1 : 1)),
    spouses,
    children: children.map(familyMember),
  };
}

/** Every NIN the family shows, for the access log. */
export const familyNins = (f: Awaited<ReturnType<typeof familyOf>>) => [
  f.person.nin,
  ...f.parents.map((p) => p.nin),
  ...f.spouses.map((s) => s.nin),
  ...f.children.map((c) => c.nin),
];
