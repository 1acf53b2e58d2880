import type { Schemas } from '../../api/types';

export type DocumentType = Schemas['DocumentSummary']['type'];
export type DocumentContentType = Schemas['DocumentSummary']['contentType'];

/** What a document is to the record, as the service takes them (openapi.yaml, src/modules/documents/rules.ts). */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'court-order',
  'identity-document',
  'hospital-notification',
  'marriage-contract',
  'medical-certificate-of-death',
  'other',
];

/**
 * The service's default DOCUMENT_MAX_BYTES (10 MiB): a file larger than this is not sent. An
 * office whose service takes less still gets the service's 413, shown as it comes.
 */
export const MAX_DOCUMENT_BYTES = 10_485_760;

/** The formats taken, each with the bytes every file of it starts with (as the service checks). */
const MAGIC: Record<DocumentContentType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The format a file's first bytes say it is, whatever its name or the browser's guess. */
export function formatOf(head: Uint8Array): DocumentContentType | undefined {
  return (Object.keys(MAGIC) as DocumentContentType[]).find((type) => MAGIC[type].every((byte, i) => head[i] === byte));
}

/** Why a file is not sent (a catalogue key under `registrar.documents.`), or undefined when it may go. */
export function fileProblem(
  file: { size: number },
  format: DocumentContentType | undefined,
  max = MAX_DOCUMENT_BYTES,
): 'empty' | 'tooLarge' | 'format' | undefined {
  if (file.size === 0) return 'empty';
  if (file.size > max) return 'tooLarge';
  if (!format) return 'format';
  return undefined;
}

/** A size in kB or MB with Latin digits (1 kB = 1,000 bytes, as file managers show them). */
export function formatSize(bytes: number): string {
  const n = new Intl.NumberFormat('en-u-nu-latn', { maximumFractionDigits: 1 });
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${n.format(bytes / 1000)} kB`;
  return `${n.format(bytes / 1_000_000)} MB`;
}

/** A blob as a data: URL (what an <img> may show under the console's CSP). */
export function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}
