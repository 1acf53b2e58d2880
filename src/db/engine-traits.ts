import type { Document } from 'mongodb';

export interface EngineTraits {
  /** FerretDB 1.24 on SQLite narrows only `{_id: <string>}` filters in SQL; others read the whole collection. */
  narrowsOnlyIdFilters: boolean;
}

/** What the connected engine is good at; FerretDB tells itself apart by `ferretdbVersion` in buildInfo. */
export async function engineTraits(admin: { command(c: Document): Promise<Document> }): Promise<EngineTraits> {
  const info = await admin.command({ buildInfo: 1 });
  return { narrowsOnlyIdFilters: typeof info.ferretdbVersion === 'string' };
}
