import { ARABIC_NAME_PATTERN } from '../common/schemas';
import type { Person, PersonName } from '../persons/store';
import { arabicNameKey, latinNameKey } from '../persons/normalise';
import type { PersonStore } from '../persons/projectors';
import type { Claimed } from './schemas';

const NAME_FIELDS = ['givenName', 'fatherName', 'grandfatherName', 'familyName'] as const;

/** What a verification reads of a person, and nothing more. */
export const COMPARED = ['name', 'dateOfBirth', 'sex', 'status'] as const;
export type Compared = Pick<Person, (typeof COMPARED)[number] | '_id'>;
type NameField = (typeof NAME_FIELDS)[number];

/**
 * An unknown NIN is compared against this stand-in, so that its answer takes the same work as a
 * known one's (and has the same shape: every field asked, false).
 */
const NOBODY: Person = {
  _id: '000000000000',
  name: {
    givenName: '-',
    fatherName: '-',
    grandfatherName: '-',
    familyName: '-',
    latin: { givenName: '-', fatherName: '-', grandfatherName: '-', familyName: '-' },
  },
  sex: 'female',
  dateOfBirth: '0000-00-00',
  placeOfBirth: { governorate: 'IQ-BG' },
  status: 'alive',
  maritalStatus: 'single',
  recordIds: [],
  searchTokens: [],
  createdAt: '',
  version: 0,
  seq: 0,
};

/** A claimed name part against the registry's: Arabic against Arabic, Latin against the Latin form. */
function nameAgrees(name: PersonName, field: NameField, value: string): boolean {
  if (ARABIC_NAME_PATTERN.test(value)) {
    const stored = name[field];
    return stored !== undefined && arabicNameKey(stored) === arabicNameKey(value);
  }
  const stored = name.latin?.[field];
  return (
    stored !== undefined && latinNameKey(stored, field === 'familyName') === latinNameKey(value, field === 'familyName')
  );
}

/**
 * Which claimed fields agree with the registry; nothing of the person leaves but `alive`, and
 * that only when every claimed field agrees (else null: a partial claim learns nothing more).
 */
export function compareIdentity(found: Compared | null, claimed: Claimed) {
  const person = found ?? NOBODY;
  const fields: Record<string, boolean> = {};
  for (const f of NAME_FIELDS) {
    const value = claimed[f];
    if (value !== undefined) fields[f] = nameAgrees(person.name, f, value) && found !== null;
  }
  if (claimed.dateOfBirth !== undefined)
    fields.dateOfBirth = person.dateOfBirth === claimed.dateOfBirth && found !== null;
  if (claimed.sex !== undefined) fields.sex = person.sex === claimed.sex && found !== null;
  const match = found !== null && Object.values(fields).every(Boolean);
  return { match, fields, alive: match ? person.status === 'alive' : null };
}

/**
 * Answers many claims (about different NINs: the schema refuses a repeat) with one read of the
 * registry, item by item in the order given; each item about a known person is one read of
 * theirs for the access log.
 */
export async function verifyMany(persons: PersonStore, items: readonly Claimed[]) {
  const found = new Map(
    (await persons.pickExisting([...new Set(items.map((i) => i.nin))], COMPARED)).map((p) => [p._id, p]),
  );
  return {
    results: items.map((item) => compareIdentity(found.get(item.nin) ?? null, item)),
    named: items.map((i) => i.nin).filter((n) => found.has(n)),
  };
}
