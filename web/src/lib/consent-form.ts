/**
 * The consent form's rules (openapi GiveConsent), checked before sending: a system chosen, a
 * purpose of 3 to 200 characters, an end date after today and within a year (the service
 * refuses more than 366 days; the form stops a day short, so a late hour never tips it over).
 */
export const CONSENT_FIELDS = ['clientId', 'purpose', 'expiresAt'] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];

/** The service's refusals that are about one field, and the console's words for them. */
export const CONSENT_CODES: Record<string, { field: ConsentField; key: string }> = {
  'consent-expired': { field: 'expiresAt', key: 'consents.check.past' },
  'consent-too-long': { field: 'expiresAt', key: 'consents.check.tooLong' },
  'unknown-client': { field: 'clientId', key: 'consents.check.unknownClient' },
};

/** A day counted from today on this computer's calendar, as a date input writes it (YYYY-MM-DD). */
function localDay(offset: number, now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The first and the last end date the form offers: tomorrow, and a year from today. */
export function consentLimits(now = new Date()): { first: string; last: string } {
  return { first: localDay(1, now), last: localDay(365, now) };
}

/** The catalogue key of what is wrong with each field; none when the form may be sent. */
export function checkConsent(
  values: Record<ConsentField, string>,
  limits: { first: string; last: string },
): Partial<Record<ConsentField, string>> {
  const found: Partial<Record<ConsentField, string>> = {};
  if (!values.clientId) found.clientId = 'check.required';
  const purpose = values.purpose.trim();
  if (!purpose) found.purpose = 'check.required';
  else if (purpose.length < 3 || purpose.length > 200) found.purpose = 'consents.check.purpose';
  if (!values.expiresAt) found.expiresAt = 'check.required';
  else if (values.expiresAt < limits.first) found.expiresAt = 'consents.check.past';
  else if (values.expiresAt > limits.last) found.expiresAt = 'consents.check.tooLong';
  return found;
}
