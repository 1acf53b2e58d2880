import { checkDuplicates, type DuplicateCheck, type DuplicateDeps } from '../duplicates/lookup';
import { withinDays } from '../duplicates/keys';
import { likeness, type Likeness } from '../duplicates/scoring';
import type { DeathFacts } from './schemas';

/** How far apart two declared dates of one death may be and still be read as one report of it. */
export const DEATH_DATE_WINDOW_DAYS = 30;

/**
 * The deaths' duplicate rule. A death names the deceased by NIN (the declaration accepts no
 * deceased by name), and a second death of a registered one is refused (`already-deceased`); so
 * what remains is a death declared while another declaration of the same person waits. The same
 * person dies once: the NIN alone flags it, a date within 30 days adds to the score.
 */
export function deathLikeness(a: DeathFacts, b: DeathFacts): Likeness {
  if (a.deceased.nin !== b.deceased.nin) return undefined;
  return likeness([
    ['deceased.nin', 0.7, true],
    ['dateOfDeath', 0.3, withinDays(a.dateOfDeath, b.dateOfDeath, DEATH_DATE_WINDOW_DAYS) || undefined],
  ]);
}

export function deathDuplicates(deps: DuplicateDeps, recordId: string, facts: DeathFacts): Promise<DuplicateCheck> {
  const key = `X/deceased:${facts.deceased.nin}`;
  return checkDuplicates<DeathFacts>(deps, recordId, {
    kind: 'death',
    keys: [key],
    lookups: [key],
    compare: (earlier) => deathLikeness(facts, earlier.data),
  });
}
