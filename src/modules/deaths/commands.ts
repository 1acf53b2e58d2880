import type { DeathEvents } from './events';
import type { CommandContext, EntryDraft } from '../../journal/types';
import { checkDeath } from '../civil-status/checks';
import type { CivilEvent } from '../civil-status/derive';
import type { CivilKindDeps, CivilStatusDeps } from '../civil-status/registration';
import { loadCircle } from '../civil-status/circle';
import { newRecordId } from '../records/ids';
import type { CivilRecord } from '../records/store';
import type { DeathFacts } from './schemas';
import { deathDuplicates } from './duplicates';
import { yearsBetween } from '../common/dates';

export const deathEvent = (id: string, f: DeathFacts): CivilEvent => ({
  kind: 'death',
  id,
  date: f.dateOfDeath,
  nin: f.deceased.nin,
});

/** Every rule about this death, against the registry now (the deceased's children included). */
export async function checkDeathFacts(
  deps: CivilKindDeps,
  id: string,
  facts: Pick<DeathFacts, 'deceased' | 'dateOfDeath'>,
) {
  const world = await loadCircle(deps, [facts.deceased.nin], { children: true });
  checkDeath(world, { kind: 'death', id, date: facts.dateOfDeath, nin: facts.deceased.nin }, deps.law);
}

export async function declareDeath(
  deps: CivilStatusDeps<DeathEvents>,
  ctx: CommandContext & { office: string },
  input: DeathFacts,
) {
  return deps.journal.execute(ctx, async () => {
    const recordId = newRecordId();
    await checkDeathFacts(deps, recordId, input);
    const nin = input.deceased.nin;
    return {
      type: 'death.declared',
      entityIds: [recordId, nin],
      data: {
        recordId,
        office: ctx.office,
        facts: input,
        personNins: [nin],
        ...(await deathDuplicates(deps, recordId, input)),
      },
    };
  });
}

/**
 * Decides the registration of a declared death: checks again, and takes what the vital statistics
 * ask of the deceased from their entry (sex, age at death), as it stands now.
 */
export async function decideDeathRegistration(
  deps: CivilKindDeps,
  record: CivilRecord<DeathFacts>,
  registrationNumber: string,
): Promise<EntryDraft<DeathEvents, 'death.registered'>> {
  await checkDeathFacts(deps, record._id, record.data);
  const nin = record.data.deceased.nin;
  const deceased = await deps.persons.get(nin);
  return {
    type: 'death.registered',
    entityIds: [record._id, nin],
    data: {
      recordId: record._id,
      registrationNumber,
      nin,
      ...(deceased
        ? {
            derived: { sex: deceased.sex, ageAtDeath: yearsBetween(deceased.dateOfBirth, record.data.dateOfDeath) },
          }
        : {}),
    },
  };
}
