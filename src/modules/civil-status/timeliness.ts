import { addDays, daysBetween, yearsBetween } from '../common/dates';
import type { RecordKinds, TimelinessFacts } from '../records/contract';
import type { Timeliness } from '../records/rules';
import type { CivilRecord } from '../records/store';
import type { CivilStatusLaw } from './law';

/**
 * A declaration made on `declaredOn` (YYYY-MM-DD) of an event, against the law's deadline: on
 * time up to and including the deadline's last day (day 15 after a birth in a hospital), `late`
 * after it, and `delayed` from the day after the event's anniversary (`delayedAfterYears`) on:
 * the year is reckoned by the calendar, so a year after 29 February 2024 ends on 1 March 2025.
 * A declaration dated before its event (a date-of-birth typo the rules refuse anyway) is on time.
 */
export function timelinessOf(facts: TimelinessFacts, declaredOn: string, law: CivilStatusLaw): Timeliness {
  if (yearsBetween(facts.eventDate, addDays(declaredOn, -1)) >= law.delayedAfterYears) return 'delayed';
  const deadline = law.registrationDeadlines[facts.deadline];
  const days = facts.inHealthFacility ? deadline.inHealthFacility : deadline.elsewhere;
  return daysBetween(facts.eventDate, declaredOn) > days ? 'late' : 'on-time';
}

/**
 * A record's timeliness under the law, from its kind's rule and its declaration date (UTC, as
 * every date rule of the registry): none for a kind without a deadline. A correction of the
 * event's date or place is reckoned again; the declaration date never moves.
 */
export function recordTimeliness(law: CivilStatusLaw, kinds: Pick<RecordKinds, 'of'>) {
  return (record: CivilRecord): Timeliness | undefined => {
    const facts = kinds.of(record.kind).work.timeliness?.(record);
    return facts && timelinessOf(facts, record.declaredAt.slice(0, 10), law);
  };
}
