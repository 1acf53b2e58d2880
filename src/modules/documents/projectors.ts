import type { Journal } from '../../journal/journal';
import type { RecordStore } from '../records/store';
import type { DocumentEvents } from './events';

/**
 * A document attached is listed on its record (the record view and GET …/documents read it
 * there). Not a new version of the record: its facts did not change, so an ETag read before the
 * upload still corrects it (the usual order: read, attach the judgment, correct).
 */
export function registerDocumentProjectors(journal: Journal<DocumentEvents>, records: RecordStore): void {
  journal.on('document.attached', async (entry) => {
    const d = entry.data;
    const record = await records.pick(d.recordId, ['documents']);
    if (!record) return;
    const summary = {
      id: d.documentId,
      type: d.type,
      contentType: d.contentType,
      size: d.size,
      sha256: d.sha256,
      uploadedAt: entry.at,
      uploadedBy: entry.actor.id,
    };
    await records.applyOnce(d.recordId, entry.seq, { set: { documents: [...(record.documents ?? []), summary] } });
  });
}
