import type { CommandContext } from '../src/journal/types';
import { declareBirth } from '../src/modules/births/commands';
import { notifyBirth, readBirthNotification } from '../src/modules/notifications/commands';
import type { PersonName } from '../src/modules/persons/store';
import { rejectRecord } from '../src/modules/records/commands';
import type { Services } from '../src/services';

type Staff = { officer: CommandContext & { office: string }; registrar: CommandContext };
interface Parents {
  mother: string;
  father: string;
  motherName: PersonName;
  motherDob: string;
}

/** A date `days` before today (YYYY-MM-DD): the office's work is about recent events. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo office's day: a few records waiting in each work queue of Baghdad's office (BGD).
 * Declared births to register; a hospital's notification waiting for the child's name; one
 * rejected declaration to fix; two births declared twice (one by the mother's NIN, then by her
 * name with the child's name spelt another way; one notified by the hospital, then declared by
 * the father at the office), which the duplicate check flags; and a birth declared three years late, which needs a court's reference.
 * (Registered records without a certificate wait to be printed already.)
 */
export async function officeWork(s: Services, staff: Staff, parents: readonly Parents[]): Promise<void> {
  const pick = (i: number) => {
    const p = parents[i % parents.length];
    if (!p) throw new Error('the office work needs enrolled parents');
    return p;
  };
  const birth = (p: Parents, child: Record<string, unknown>, mother: object = { nin: p.mother }) =>
    declareBirth(s, staff.officer, {
      child: {
        givenName: 'يوسف',
        sex: 'male',
        dateOfBirth: daysAgo(6),
        placeOfBirth: { governorate: 'IQ-BG', facility: 'Baghdad Teaching Hospital' },
        ...child,
      },
      mother,
      father: { nin: p.father },
      informant: { relationship: 'father' },
    } as Parameters<typeof declareBirth>[2]);
  // To register.
  await birth(pick(0), { givenName: 'مريم', sex: 'female', dateOfBirth: daysAgo(3) });
  await birth(pick(1), { givenName: 'علي', dateOfBirth: daysAgo(5) });
  await birth(pick(2), { givenName: 'زهراء', sex: 'female', dateOfBirth: daysAgo(8) });
  // Incomplete: notified by the hospital, named by the parents later.
  await notifyBirth(
    s,
    { actor: { id: 'seed-hospital', role: 'client' }, requestId: 'seed' },
    readBirthNotification({
      notificationId: 'BTH-DEMO-0001',
      facility: { name: 'Baghdad Teaching Hospital', governorate: 'IQ-BG' },
      birth: { date: daysAgo(2), sex: 'female', weightGrams: 3200, plurality: 1 },
      mother: { nin: pick(3).mother },
    }),
  );
  // Rejected: to fix and declare again.
  const wrong = await birth(pick(4), { givenName: 'حسين', dateOfBirth: daysAgo(4) });
  await rejectRecord(
    s,
    staff.registrar,
    wrong.data.recordId,
    'The father named is not the husband on the marriage record',
  );
  // A possible duplicate: the same birth declared twice, by NIN and then by the mother's name.
  const twice = pick(5);
  await birth(twice, { givenName: 'فاطمة', sex: 'female', dateOfBirth: daysAgo(10) });
  await birth(
    twice,
    { givenName: 'فاطمه', sex: 'female', dateOfBirth: daysAgo(9) },
    { name: twice.motherName, dateOfBirth: twice.motherDob },
  );
  // Another: a hospital notified a birth, and the father declared it at the office days later.
  const notified = pick(7);
  await notifyBirth(
    s,
    { actor: { id: 'seed-hospital', role: 'client' }, requestId: 'seed' },
    readBirthNotification({
      notificationId: 'BTH-DEMO-0002',
      facility: { name: 'Baghdad Teaching Hospital', governorate: 'IQ-BG' },
      birth: { date: daysAgo(12), sex: 'male', weightGrams: 3400, plurality: 1 },
      mother: { nin: notified.mother },
    }),
  );
  await birth(notified, { givenName: 'حسن', dateOfBirth: daysAgo(12) });
  // Delayed: declared three years after the birth, without a court's reference yet.
  await birth(pick(6), { givenName: 'عمر', dateOfBirth: daysAgo(3 * 365 + 20) });
}
