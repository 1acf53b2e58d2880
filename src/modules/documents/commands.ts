import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Problem, unsupportedMediaType } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext, JournalEntry } from '../../journal/types';
import { findRecord } from '../records/commands';
import type { RecordStore } from '../records/store';
import type { DocumentEvents } from './events';
import { TooLarge, type DocumentFiles } from './files';
import { matchesMagic, type DocumentContentType, type DocumentType } from './rules';

/** What attaching a document uses. */
export interface DocumentDeps {
  journal: Journal<DocumentEvents>;
  records: RecordStore;
  documentFiles: DocumentFiles;
  config: { DOCUMENT_MAX_BYTES: number };
}

/** Opaque, unguessable document id: 128 random bits. */
export const newDocumentId = () => `d_${randomBytes(16).toString('base64url')}`;

const tooLarge = (max: number) =>
  new Problem(
    413,
    'Content Too Large',
    `A document may be at most ${max} bytes (DOCUMENT_MAX_BYTES): scan it at a lower resolution, or as several pages`,
    { code: 'document-too-large' },
  );

/**
 * Attaches a file to a record: received into a temporary file (hashed as it comes, no further
 * than the limit), its first bytes held to its declared format, moved into place under its hash,
 * then journaled with that hash. A refusal leaves nothing behind; a file kept whose entry could
 * not be appended is removed again, unless it was there already for another document.
 */
export async function attachDocument(
  deps: DocumentDeps,
  ctx: CommandContext,
  input: {
    recordId: string;
    type: DocumentType;
    contentType: DocumentContentType;
    declaredLength?: number;
    body: Readable;
  },
): Promise<JournalEntry<DocumentEvents, 'document.attached'>> {
  const max = deps.config.DOCUMENT_MAX_BYTES;
  // A Content-Length over the limit is refused before a byte is read.
  if (input.declaredLength !== undefined && input.declaredLength > max) throw tooLarge(max);
  await findRecord(deps.records, input.recordId);
  const received = await deps.documentFiles.receive(input.body, max).catch((err: unknown) => {
    throw err instanceof TooLarge ? tooLarge(max) : err;
  });
  if (received.size === 0 || !matchesMagic(input.contentType, received.head)) {
    await deps.documentFiles.discard(received);
    throw unsupportedMediaType(
      received.size === 0
        ? 'The body is empty: send the file itself as the body'
        : `The file is not ${input.contentType}: its first bytes are not those of that format. Send it with the Content-Type of what it is (application/pdf, image/jpeg or image/png)`,
    );
  }
  const isNew = await deps.documentFiles.keep(received);
  const documentId = newDocumentId();
  try {
    return await deps.journal.execute(ctx, async () => {
      const record = await findRecord(deps.records, input.recordId);
      return {
        type: 'document.attached',
        entityIds: [documentId, record._id],
        data: {
          documentId,
          recordId: record._id,
          type: input.type,
          contentType: input.contentType,
          size: received.size,
          sha256: received.sha256,
        },
      };
    });
  } catch (err) {
    if (isNew) await deps.documentFiles.forget(received.sha256);
    throw err;
  }
}
