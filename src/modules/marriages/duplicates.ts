import { checkDuplicates, type DuplicateCheck, type DuplicateDeps } from '../duplicates/lookup';
import { withinDays } from '../duplicates/keys';
import { likeness, type Likeness } from '../duplicates/scoring';
import type { MarriageFacts } from './schemas';

/** Two declarations of one couple's marriage at most a year apart are read as one marriage. */
export const MARRIAGE_DATE_WINDOW_DAYS = 366;

const couple = (f: MarriageFacts) => [f.partyA.nin, f.partyB.nin].sort().join('+');

/** The marriages' duplicate rule: the same two parties (either way round) and a date at most a year apart. */
export function marriageLikeness(a: MarriageFacts, b: MarriageFacts): Likeness {
  if (couple(a) !== couple(b) || !withinDays(a.dateOfMarriage, b.dateOfMarriage, MARRIAGE_DATE_WINDOW_DAYS))
    return undefined;
  return likeness([
    ['parties', 0.7, true],
    ['dateOfMarriage', 0.3, a.dateOfMarriage === b.dateOfMarriage || undefined],
  ]);
}

export function marriageDuplicates(
  deps: DuplicateDeps,
  recordId: string,
  facts: MarriageFacts,
): Promise<DuplicateCheck> {
  const key = `M/parties:${couple(facts)}`;
  return checkDuplicates<MarriageFacts>(deps, recordId, {
    kind: 'marriage',
    keys: [key],
    lookups: [key],
    compare: (earlier) => marriageLikeness(facts, earlier.data),
  });
}
