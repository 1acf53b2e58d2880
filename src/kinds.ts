import { birthKind } from './modules/births/kind';
import { birthSchemas } from './modules/births/schemas';
import type { PersonStores } from './modules/persons/projection';
import { RecordKinds, type KindSchemas } from './modules/records/kinds';
import type { RecordStore } from './modules/records/model';
import { recordSchemas } from './modules/records/schemas';

/** The kinds of record this service knows; a new kind is one line here and one folder. */
export const KIND_SCHEMAS: readonly KindSchemas[] = [birthSchemas];

/** The record view and correction body, covering every kind. */
export const RECORD_SCHEMAS = recordSchemas(KIND_SCHEMAS);

/** The registry of record kinds with their behaviour, on the service's stores. */
export function createKinds(deps: PersonStores & { records: RecordStore }): RecordKinds {
  const kinds = new RecordKinds();
  kinds.register(birthKind(deps));
  return kinds;
}
