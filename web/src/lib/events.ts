const NAMED = ['declared', 'registered', 'rejected', 'corrected', 'voided', 'issued', 'revoked'] as const;
export type EventName = (typeof NAMED)[number];

/**
 * The catalogue's name for a journal entry's type (`birth.declared` -> declared,
 * `certificate.issued` -> issued), or undefined for a type the console does not know yet (shown as is).
 */
export function eventName(type: string): EventName | undefined {
  const last = type.split('.').pop() ?? '';
  return (NAMED as readonly string[]).includes(last) ? (last as EventName) : undefined;
}
