import { checkDuplicates, type DuplicateCheck, type DuplicateDeps } from './lookup';
import { likeness } from './scoring';

/**
 * The rule of divorces and annulments: a second declaration about the same marriage, whatever
 * its date (one marriage is divorced or annulled once); the same date adds to the score.
 */
export function sameMarriageDuplicates<F extends { marriageId: string }>(
  deps: DuplicateDeps,
  recordId: string,
  spec: { kind: string; letter: string; facts: F; dateOf(f: F): string },
): Promise<DuplicateCheck> {
  const key = `${spec.letter}/marriage:${spec.facts.marriageId}`;
  return checkDuplicates<F>(deps, recordId, {
    kind: spec.kind,
    keys: [key],
    lookups: [key],
    compare: (earlier) =>
      earlier.data.marriageId === spec.facts.marriageId
        ? likeness([
            ['marriageId', 0.8, true],
            [
              spec.kind === 'divorce' ? 'dateOfDivorce' : 'dateOfJudgment',
              0.2,
              spec.dateOf(earlier.data) === spec.dateOf(spec.facts) || undefined,
            ],
          ])
        : undefined,
  });
}
