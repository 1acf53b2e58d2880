import { birthKind, birthStatistics } from './modules/births/contract';
import { birthSchemas } from './modules/births/schemas';
import type { CivilStatusLaw } from './modules/civil-status/law';
import { deathKind, deathStatistics } from './modules/deaths/contract';
import { deathSchemas } from './modules/deaths/schemas';
import { divorceKind, divorceStatistics } from './modules/divorces/contract';
import { divorceSchemas } from './modules/divorces/schemas';
import { marriageKind, marriageStatistics } from './modules/marriages/contract';
import { marriageSchemas } from './modules/marriages/schemas';
import type { PersonStores } from './modules/persons/projectors';
import { RecordKinds, type KindSchemas } from './modules/records/contract';
import type { RecordStore } from './modules/records/store';
import type { VitalTable } from './modules/records/tally';
import { recordSchemas } from './modules/records/schemas';

/** The kinds of record this service knows; a new kind is one line here and one folder. */
export const KIND_SCHEMAS: readonly KindSchemas[] = [birthSchemas, marriageSchemas, divorceSchemas, deathSchemas];

/** The vital statistics tables, one for each kind counted (not every kind is), in the order the answer lists them. */
export const VITAL_TABLES: readonly VitalTable[] = [
  birthStatistics,
  deathStatistics,
  marriageStatistics,
  divorceStatistics,
].map((s) => s.table);

/** The record view and correction body, covering every kind. */
export const RECORD_SCHEMAS = recordSchemas(KIND_SCHEMAS);

/** The registry of record kinds with their behaviour, on the service's stores. */
export function createKinds(stores: PersonStores & { records: RecordStore }, law: CivilStatusLaw): RecordKinds {
  const kinds = new RecordKinds();
  const deps = { ...stores, kinds, law };
  kinds.register(birthKind(deps));
  kinds.register(marriageKind(deps));
  kinds.register(divorceKind(deps));
  kinds.register(deathKind(deps));
  return kinds;
}
