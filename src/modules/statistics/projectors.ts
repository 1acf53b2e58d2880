import type { RecordListener } from '../records/contract';
import type { KindStatistics } from '../records/tally';
import type { Timeliness } from '../records/rules';
import type { CivilRecord, RecordKind } from '../records/store';
import { countersOf } from './shapes';
import type { VitalCountStore } from './store';
import { counterChanges, type Counted } from './tally';

/**
 * Keeps the vital statistics from record changes: a registration adds the record's tally, a
 * voiding takes it away, a correction of a registered record moves it (old facts out, new in).
 * Each counter document takes an entry once, so a replay after a crash counts nothing twice.
 * `statisticsOf` gives a kind's table and tally, none for a kind that is not counted.
 * A kind's breakdowns count the record beside its table, in the same counter document.
 * A kind with a `timelinessTable` also counts the registration in it, by the month it was
 * registered and its timeliness then (`timeliness`, reckoned from the facts as they are, so a
 * correction of the event's date moves it like any other count).
 */
export function vitalStatisticsListener(deps: {
  vitalCounts: VitalCountStore;
  statisticsOf: (kind: RecordKind) => KindStatistics | undefined;
  timeliness: (record: CivilRecord) => Timeliness | undefined;
}): RecordListener {
  return async ({ cause, type, record, factsBefore }) => {
    const statistics = deps.statisticsOf(record.kind);
    if (!statistics) return;
    const byTimeliness = statistics.timelinessTable;
    const counted = (r: CivilRecord): Counted[] => {
      const { category, ...at } = statistics.tally(r);
      const timeliness = byTimeliness ? deps.timeliness(r) : undefined;
      const registered = byTimeliness && timeliness && r.registeredAt;
      // A breakdown counts the record where its table does (linked.ts keeps the two one table).
      const breakdowns = (statistics.breakdowns ?? []).flatMap((b) => countersOf(b, b.category(r)));
      return [
        { ...at, counters: [...countersOf(statistics.table, category), ...breakdowns] },
        ...(registered
          ? [
              {
                date: registered.slice(0, 10),
                governorate: at.governorate,
                counters: countersOf({ name: byTimeliness, shape: 'by-timeliness' }, timeliness),
              },
            ]
          : []),
      ];
    };
    let add: Counted[] = [];
    let remove: Counted[] = [];
    if (type === 'registered') add = counted(record);
    if (type === 'voided') remove = counted(record);
    if (type === 'corrected' && record.status === 'registered' && factsBefore) {
      add = counted(record);
      remove = counted({ ...record, data: factsBefore });
    }
    for (const [id, inc] of counterChanges(add, remove)) {
      const [month, governorate] = id.split('|');
      await deps.vitalCounts.incrementOnce(id, cause.seq, inc, { month, governorate });
    }
  };
}
