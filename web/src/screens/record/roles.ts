/** The roles that register, review duplicates, correct a registered record and void. */
export const REGISTRARS = ['registrar', 'national-registrar'];
/** The roles that attach documents (src/http/policy.ts `documents.attach`). */
export const ATTACHERS = ['officer', 'registrar', 'national-registrar'];

/** What an action did, said in the page's language of the moment (a catalogue key and its values). */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
}
