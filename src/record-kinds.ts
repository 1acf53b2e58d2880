import { birthKind } from './modules/births/contract';
import { birthSchemas } from './modules/births/schemas';
import type { CivilStatusLaw } from './modules/civil-status/law';
import { deathKind } from './modules/deaths/contract';
import { deathSchemas } from './modules/deaths/schemas';
import { divorceKind } from './modules/divorces/contract';
import { divorceSchemas } from './modules/divorces/schemas';
import { marriageKind } from './modules/marriages/contract';
import { marriageSchemas } from './modules/marriages/schemas';
import type { PersonStores } from './modules/persons/projectors';
import { RecordKinds, type KindSchemas } from './modules/records/contract';
import type { RecordStore } from './modules/records/store';
import { recordSchemas } from './modules/records/schemas';

/** The kinds of record this service knows; a new kind is one line here and one folder. */
export const KIND_SCHEMAS: readonly KindSchemas[] = [birthSchemas, marriageSchemas, divorceSchemas, deathSchemas];

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
