import type { Collection } from 'mongodb';
import type { StoredEntry } from '../../journal/types';
import type { DocumentEvents } from './events';
import type { DocumentFiles } from './files';

export interface DocumentProblem {
  recordId: string;
  documentId: string;
  problem: string;
}

export interface DocumentsReport {
  ok: boolean;
  /** Documents checked (one per `document.attached` entry). */
  checked: number;
  /** Each document whose file is missing or not what was attached (the first 100). */
  problems: DocumentProblem[];
}

const MAX_LISTED = 100;

/**
 * Holds every stored document to the SHA-256 its journal entry recorded: the journal (whose chain
 * `verifyChain` checks) is the reference, never the read model. A file changed, truncated or
 * deleted since it was attached is named by its record and document.
 */
export async function verifyDocuments(
  entries: Collection<StoredEntry>,
  files: Pick<DocumentFiles, 'hashOf'>,
  onChecked?: (n: number) => void,
): Promise<DocumentsReport> {
  const problems: DocumentProblem[] = [];
  let checked = 0;
  // Files shared by several documents (the same scan twice) are hashed once.
  const hashes = new Map<string, string | undefined>();
  for await (const entry of entries.find({ type: 'document.attached' }).sort({ _id: 1 })) {
    const d = entry.data as DocumentEvents['document.attached'];
    if (!hashes.has(d.sha256)) hashes.set(d.sha256, await files.hashOf(d.sha256));
    const now = hashes.get(d.sha256);
    const problem =
      now === undefined
        ? `the file of document ${d.documentId} of record ${d.recordId} is missing`
        : now !== d.sha256
          ? `the file of document ${d.documentId} of record ${d.recordId} was changed after it was attached (its SHA-256 is ${now}, the journal's ${d.sha256})`
          : undefined;
    if (problem && problems.length < MAX_LISTED)
      problems.push({ recordId: d.recordId, documentId: d.documentId, problem });
    checked++;
    onChecked?.(checked);
  }
  return { ok: problems.length === 0, checked, problems };
}
