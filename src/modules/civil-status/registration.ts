import type { DuplicateKeyStore } from '../duplicates/store';
import type { Journal } from '../../journal/journal';
import type { Actor, Catalogue } from '../../journal/types';
import { updatePerson, type PersonStores } from '../persons/projectors';
import type { RecordKinds } from '../records/contract';
import type { CivilRecord, RecordStore } from '../records/store';
import { notifyChange, updateRecord } from '../records/projectors';
import type { CivilStatusLaw } from './law';
import type { CircleDeps } from './circle';

/** What the marriage, divorce and death kinds' handlers use. */
export interface CivilKindDeps extends CircleDeps, PersonStores {
  law: CivilStatusLaw;
}

/** What their declarations use: the kind's own journal (`E`, its events). */
export interface CivilStatusDeps<E extends Catalogue> extends CivilKindDeps {
  journal: Journal<E>;
  /** The index of duplicate keys, which each declaration reads and files itself under. */
  duplicateKeys: DuplicateKeyStore;
}

/**
 * Applies the registration of a marriage, divorce or death: the record registered, linked to
 * each person it is about (their `recordIds`, from which their status is derived), then the
 * listeners told (the statuses derived again, the statistics counted).
 */
export async function projectRegistration(
  deps: PersonStores & { records: RecordStore; kinds: RecordKinds },
  entry: { seq: number; at: string; actor: Actor },
  registration: {
    recordId: string;
    registrationNumber: string;
    linkNins: readonly string[];
    subjectNin?: string;
    derived?: CivilRecord['derived'];
  },
): Promise<void> {
  const { recordId, registrationNumber, subjectNin, derived } = registration;
  await updateRecord(deps.records, entry, recordId, {
    set: {
      status: 'registered',
      registrationNumber,
      registeredBy: entry.actor.id,
      registeredAt: entry.at,
      ...(subjectNin ? { subjectNin } : {}),
      ...(derived ? { derived } : {}),
    },
  });
  for (const nin of registration.linkNins) await updatePerson(deps, entry, nin, { addRecordId: recordId });
  await notifyChange(deps, entry, recordId, { type: 'registered' });
}

/**
 * The check of a correction of a marriage, divorce or death: the record's facts with the changes,
 * checked by the same rules as its declaration (the corrected event in place of the registered one).
 */
export function checkedCorrection<F extends object, C extends Partial<F>>(
  check: (id: string, facts: F, office: string, stage: 'declaration' | 'registration') => Promise<unknown>,
) {
  return async (record: CivilRecord<F>, changes: C): Promise<F> => {
    const facts = { ...record.data, ...changes };
    // A declared record is amended under what a declaration must meet; a registered one stays registrable.
    await check(record._id, facts, record.office, record.status === 'registered' ? 'registration' : 'declaration');
    return facts;
  };
}
