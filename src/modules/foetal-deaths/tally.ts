import type { CivilRecord } from '../records/store';
import type { FoetalDeathFacts } from './schemas';

/** Where and when a registered foetal death counts in the vital statistics: month and governorate of delivery. */
export const foetalDeathTally = (record: CivilRecord<FoetalDeathFacts>) => ({
  date: record.data.dateOfDelivery,
  governorate: record.data.placeOfDelivery.governorate,
});
