import { checkDuplicates, type DuplicateCheck, type DuplicateDeps } from '../duplicates/lookup';
import { withinDays } from '../duplicates/keys';
import { knownMother, motherKeys, sameMother, type KnownMother } from '../duplicates/mother';
import { likeness, type Likeness } from '../duplicates/scoring';
import type { PersonStore } from '../persons/projectors';
import type { FoetalDeathFacts } from './schemas';

export const DELIVERY_DATE_WINDOW_DAYS = 5;

/** The foetal deaths' rule: the same mother and a delivery at most 5 days apart; a different sex, where both say, takes from it. */
export function foetalDeathLikeness(
  a: { facts: FoetalDeathFacts; mother: KnownMother },
  b: { facts: FoetalDeathFacts; mother: KnownMother },
): Likeness {
  const mother = sameMother(a.mother, b.mother);
  if (!mother || !withinDays(a.facts.dateOfDelivery, b.facts.dateOfDelivery, DELIVERY_DATE_WINDOW_DAYS))
    return undefined;
  const rest = likeness([
    ['dateOfDelivery', 0.3, true],
    ['sex', 0.15, a.facts.sex && b.facts.sex ? a.facts.sex === b.facts.sex : undefined],
  ]);
  return {
    score: Math.round(Math.min(1, mother.weight + rest.score) * 100) / 100,
    reasons: [...mother.reasons, ...rest.reasons],
  };
}

export async function foetalDeathDuplicates(
  deps: DuplicateDeps & { persons: Pick<PersonStore, 'get'> },
  recordId: string,
  facts: FoetalDeathFacts,
): Promise<DuplicateCheck> {
  const mother = await knownMother(deps.persons, facts.mother);
  return checkDuplicates<FoetalDeathFacts>(deps, recordId, {
    kind: 'foetal-death',
    ...motherKeys('F', mother, facts.dateOfDelivery, DELIVERY_DATE_WINDOW_DAYS),
    compare: async (earlier) =>
      foetalDeathLikeness(
        { facts, mother },
        { facts: earlier.data, mother: await knownMother(deps.persons, earlier.data.mother) },
      ),
  });
}
