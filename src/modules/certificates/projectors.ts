import type { RecordStore } from '../records/store';
import type { CertificateEvents } from '../certificates/events';
import type { Journal } from '../../journal/journal';
import type { RecordKinds, RecordListener } from '../records/contract';
import type { CertificateCache } from './cache';
import type { CertificateStore, RevocationStore } from './store';
import { certifiedFacts } from './commands';
import { listOf, STATUS_LIST_SIZE } from './status-list';

export interface CertificateStores {
  certificates: CertificateStore;
  revocations: RevocationStore;
  /** Verification's cache: a change applied here is seen by the next verification. */
  certificateCache: CertificateCache;
}

/** Sets a certificate's bit in its status list. */
async function markRevoked(
  stores: CertificateStores,
  seq: number,
  certificateId: string,
  index: number,
): Promise<void> {
  const list = listOf(index);
  stores.certificateCache.forget(certificateId);
  await stores.revocations.insertOnce({
    _id: `${list}:${index % STATUS_LIST_SIZE}`,
    list,
    index: index % STATUS_LIST_SIZE,
    certificateId,
    seq,
  });
}

export function registerCertificateProjectors(
  journal: Journal<CertificateEvents>,
  stores: CertificateStores & { records: RecordStore },
): void {
  journal.on('certificate.issued', async (entry) => {
    const { certificateId, recordVersion: _version, ...issued } = entry.data;
    // An entry from before copies were numbered: its place among the record's issues, in journal order.
    const copyNumber =
      issued.copyNumber ??
      (issued.recordId ? ((await stores.records.get(issued.recordId))?.certificatesIssued ?? 0) + 1 : 1);
    await stores.certificates.insertOnce({
      _id: certificateId,
      ...issued,
      copyNumber,
      issuedAt: entry.at,
      issuedBy: { id: entry.actor.id, role: entry.actor.role },
      seq: entry.seq,
    });
    // Counted on the record: the office's to-print queue, and the copies issued of it.
    if (issued.recordId) await stores.records.applyOnce(issued.recordId, entry.seq, { inc: { certificatesIssued: 1 } });
  });
  journal.on('certificate.revoked', async (entry) => {
    stores.certificateCache.forget(entry.data.certificateId);
    await stores.certificates.applyOnce(entry.data.certificateId, entry.seq, {
      set: { revoked: { at: entry.at, reason: entry.reason ?? '', by: 'registrar' } },
    });
    await markRevoked(stores, entry.seq, entry.data.certificateId, entry.data.statusIndex);
  });
}

/**
 * A voided record revokes its certificates; a corrected one supersedes those whose certified
 * facts changed (they still say what was true when issued).
 */
export function certificateListener(deps: CertificateStores & { kinds: RecordKinds }): RecordListener {
  return async ({ cause, type, record }) => {
    if (type === 'registered') return;
    const issued = await deps.certificates.list({ recordId: record._id });
    if (issued.length === 0) return;
    const current = type === 'corrected' ? await certifiedFacts(deps.kinds, record) : undefined;
    for (const doc of issued) {
      deps.certificateCache.forget(doc._id);
      if (type === 'voided' && !doc.revoked) {
        await deps.certificates.applyOnce(doc._id, cause.seq, {
          set: { revoked: { at: cause.at, reason: 'The record was voided', by: 'record-voided' } },
        });
        await markRevoked(deps, cause.seq, doc._id, doc.statusIndex);
      }
      if (current && !doc.supersededAt && current.hash !== doc.factsHash) {
        await deps.certificates.applyOnce(doc._id, cause.seq, { set: { supersededAt: cause.at } });
      }
    }
  };
}
