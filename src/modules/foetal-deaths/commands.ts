import { unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext, EntryDraft } from '../../journal/types';
import type { PersonStore } from '../persons/projectors';
import { newRecordId } from '../records/ids';
import type { CivilRecord } from '../records/store';
import type { FoetalDeathEvents } from './events';
import { checkDeliveryDate, checkGestation, checkMotherAtDelivery } from './rules';
import type { FoetalDeathFacts } from './schemas';
import type { DuplicateKeyStore } from '../duplicates/store';
import type { RecordStore } from '../records/store';
import { foetalDeathDuplicates } from './duplicates';

/** The mother's NIN when she is registered: the record's personNins, so it shows in her records. */
export const motherNinOf = (facts: Pick<FoetalDeathFacts, 'mother'>): string | undefined =>
  'nin' in facts.mother ? facts.mother.nin : undefined;

/**
 * Every rule about this foetal death, against the registry now: the plain rules, and a mother
 * given by NIN must be registered (she is then checked as recorded: sex, death, date of birth).
 * A mother given by name is checked by the date of birth declared. Reads, never writes.
 */
export async function checkFoetalDeathFacts(
  deps: { persons: Pick<PersonStore, 'get'> },
  facts: Pick<FoetalDeathFacts, 'mother' | 'dateOfDelivery' | 'gestationWeeks'>,
): Promise<void> {
  checkGestation(facts.gestationWeeks);
  checkDeliveryDate(facts.dateOfDelivery);
  const { mother } = facts;
  if ('nin' in mother) {
    const person = await deps.persons.get(mother.nin);
    if (!person) throw unprocessable(`No person with NIN ${mother.nin} (the mother)`, 'mother-not-found');
    checkMotherAtDelivery(person, facts.dateOfDelivery);
  } else {
    checkMotherAtDelivery({ dateOfBirth: mother.dateOfBirth }, facts.dateOfDelivery);
  }
}

/** What the foetal-death commands use: the persons (to check the mother) and the kind's journal. */
export interface FoetalDeathCommandDeps {
  persons: Pick<PersonStore, 'get'>;
  journal: Journal<FoetalDeathEvents>;
  records: RecordStore;
  duplicateKeys: DuplicateKeyStore;
}

/** Declares a foetal death: one entry, filed under the record and the mother when registered. */
export async function declareFoetalDeath(
  deps: FoetalDeathCommandDeps,
  ctx: CommandContext & { office: string },
  input: FoetalDeathFacts,
) {
  return deps.journal.execute(ctx, async () => {
    const recordId = newRecordId();
    await checkFoetalDeathFacts(deps, input);
    const motherNin = motherNinOf(input);
    const personNins = motherNin ? [motherNin] : [];
    return {
      type: 'foetal-death.declared',
      entityIds: [recordId, ...personNins],
      data: {
        recordId,
        office: ctx.office,
        facts: input,
        personNins,
        ...(await foetalDeathDuplicates(deps, recordId, input)),
      },
    };
  });
}

/** The registration of a declared foetal death, its facts checked again against the registry now. */
export async function decideFoetalDeathRegistration(
  deps: { persons: Pick<PersonStore, 'get'> },
  record: CivilRecord<FoetalDeathFacts>,
  registrationNumber: string,
): Promise<EntryDraft<FoetalDeathEvents, 'foetal-death.registered'>> {
  await checkFoetalDeathFacts(deps, record.data);
  const motherNin = motherNinOf(record.data);
  return {
    type: 'foetal-death.registered',
    entityIds: [record._id, ...(motherNin ? [motherNin] : [])],
    data: { recordId: record._id, registrationNumber, ...(motherNin ? { motherNin } : {}) },
  };
}
