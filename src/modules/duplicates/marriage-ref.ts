import { checkDuplicates, type DuplicateCheck, type DuplicateDeps } from './lookup';
import { likeness } from './scoring';

/**
 * The rule of divorces and annulments: a second declaration about the same marriage, whatever
 * its date (one marriage is divorced or annulled once); the same date adds to the score.
 */
export function sameMarriageDuplicates<F extends { marriageId: string }>(
  deps: DuplicateDeps,
  recordId: string,
  spec: { kind: string; letter: string; facts: F; dateField: keyof F & string },
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
            [spec.dateField, 0.2, earlier.data[spec.dateField] === spec.facts[spec.dateField] || undefined],
          ])
        : undefined,
  });
}
