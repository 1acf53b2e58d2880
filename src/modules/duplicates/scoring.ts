/** A possible duplicate of a record: the earlier record, how alike they are (0 to 1), and the fields that matched. */
export interface DuplicateCandidate {
  recordId: string;
  score: number;
  reasons: string[];
}

/** What a kind's rule says of one earlier record: nothing (not the same event), or its score and reasons. */
export type Likeness = { score: number; reasons: string[] } | undefined;

/**
 * The score from which a record is flagged. Tuned on the untuned bench data (bench/duplicates.ts,
 * docs/performance.md): a repeated birth scores from 0.75, an honest one that shares a mother and a
 * window (twins, who have different given names) stays under.
 */
export const DUPLICATE_THRESHOLD = 0.7;

/**
 * The likeness of two records from the evidence that they are one event: each matching field adds
 * its weight and names itself; each field that differs where both have it takes its weight away.
 * Capped at 1 and rounded to two decimals (the record shows it).
 */
export function likeness(
  evidence: ReadonlyArray<readonly [reason: string, weight: number, agrees: boolean | undefined]>,
): {
  score: number;
  reasons: string[];
} {
  let score = 0;
  const reasons: string[] = [];
  for (const [reason, weight, agrees] of evidence) {
    if (agrees === true) {
      score += weight;
      reasons.push(reason);
    } else if (agrees === false) score -= weight;
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reasons };
}

/** The candidates worth a review: at or above the threshold, most alike first, a few at most. */
export function flagged(candidates: DuplicateCandidate[], threshold = DUPLICATE_THRESHOLD): DuplicateCandidate[] {
  return candidates
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score || (a.recordId < b.recordId ? -1 : 1))
    .slice(0, 5);
}
