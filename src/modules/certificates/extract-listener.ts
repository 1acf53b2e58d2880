import { loadCircle, type CircleDeps } from '../civil-status/circle';
import { spousesOf } from '../civil-status/derive';
import type { RecordListener } from '../records/contract';
import type { CertificateStores } from './projectors';
import { EXTRACT_KIND, extractOf } from './extract';

type Deps = CircleDeps & Pick<CertificateStores, 'certificates' | 'certificateCache'>;

/**
 * Supersedes the valid extracts of these people that no longer say what their entry says. Run
 * after the entry's other projections (the person's derived status among them), and idempotent:
 * the facts are derived again and compared, never toggled.
 */
export async function supersedeStaleExtracts(
  deps: Deps,
  cause: { seq: number; at: string },
  nins: readonly string[],
): Promise<void> {
  for (const nin of new Set(nins)) {
    const extracts = (await deps.certificates.list({ subjectNin: nin })).filter(
      (d) => d.kind === EXTRACT_KIND && !d.supersededAt && !d.revoked,
    );
    if (extracts.length === 0) continue;
    const now = await extractOf(deps, nin);
    for (const doc of extracts) {
      if (doc.factsHash === now.hash) continue;
      deps.certificateCache.forget(doc._id);
      await deps.certificates.applyOnce(doc._id, cause.seq, { set: { supersededAt: cause.at } });
    }
  }
}

/**
 * A registration, correction or voiding changes the extracts of the people its record names, and
 * (a marriage, divorce, death or annulment) of their spouses: a death widows them.
 */
export function extractListener(deps: Deps): RecordListener {
  return async ({ cause, record }) => {
    const named = [...record.personNins, ...(record.subjectNin ? [record.subjectNin] : [])];
    let spouses: string[] = [];
    if (deps.kinds.of(record.kind).civilEvent) {
      const { events } = await loadCircle(deps, named);
      spouses = named.flatMap((n) => spousesOf(n, events));
    }
    await supersedeStaleExtracts(deps, cause, [...named, ...spouses]);
  };
}
