import type { RecordKinds, RecordListener } from '../records/contract';
import type { VitalCountStore } from './store';
import { counterChanges, type Tally } from './tally';

/**
 * Keeps the vital statistics from record changes: a registration adds the record's tally, a
 * voiding takes it away, a correction of a registered record moves it (old facts out, new in).
 * Each counter document takes an entry once, so a replay after a crash counts nothing twice.
 */
export function vitalStatisticsListener(deps: { vitalCounts: VitalCountStore; kinds: RecordKinds }): RecordListener {
  return async ({ cause, type, record, factsBefore }) => {
    const kind = deps.kinds.of(record.kind);
    let add: Tally[] = [];
    let remove: Tally[] = [];
    if (type === 'registered') add = [kind.tally(record)];
    if (type === 'voided') remove = [kind.tally(record)];
    if (type === 'corrected' && record.status === 'registered' && factsBefore) {
      add = [kind.tally(record)];
      remove = [kind.tally({ ...record, data: factsBefore })];
    }
    for (const [id, inc] of counterChanges(add, remove)) {
      const [month, governorate] = id.split('|');
      await deps.vitalCounts.incrementOnce(id, cause.seq, inc, { month, governorate });
    }
  };
}
