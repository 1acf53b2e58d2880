import type { RecordListener } from '../records/contract';
import type { KindStatistics } from '../records/tally';
import type { RecordKind } from '../records/store';
import { countersOf } from './shapes';
import type { VitalCountStore } from './store';
import { counterChanges, type Counted } from './tally';

/**
 * Keeps the vital statistics from record changes: a registration adds the record's tally, a
 * voiding takes it away, a correction of a registered record moves it (old facts out, new in).
 * Each counter document takes an entry once, so a replay after a crash counts nothing twice.
 * `statisticsOf` gives a kind's table and tally, none for a kind that is not counted.
 */
export function vitalStatisticsListener(deps: {
  vitalCounts: VitalCountStore;
  statisticsOf: (kind: RecordKind) => KindStatistics | undefined;
}): RecordListener {
  return async ({ cause, type, record, factsBefore }) => {
    const statistics = deps.statisticsOf(record.kind);
    if (!statistics) return;
    const counted = (r: typeof record): Counted => {
      const { category, ...at } = statistics.tally(r);
      return { ...at, counters: countersOf(statistics.table, category) };
    };
    let add: Counted[] = [];
    let remove: Counted[] = [];
    if (type === 'registered') add = [counted(record)];
    if (type === 'voided') remove = [counted(record)];
    if (type === 'corrected' && record.status === 'registered' && factsBefore) {
      add = [counted(record)];
      remove = [counted({ ...record, data: factsBefore })];
    }
    for (const [id, inc] of counterChanges(add, remove)) {
      const [month, governorate] = id.split('|');
      await deps.vitalCounts.incrementOnce(id, cause.seq, inc, { month, governorate });
    }
  };
}
