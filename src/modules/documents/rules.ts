/**
 * Supporting documents as plain rules: which kinds of document a record takes, in which formats,
 * and whether a file's first bytes are what its declared format says.
 */

/** What a document is to the record: the hospital's form, a judgment, a contract, an identity paper… */
export const DOCUMENT_TYPES = [
  'hospital-notification',
  'court-order',
  'marriage-contract',
  'identity-document',
  'medical-certificate-of-death',
  /** The consent of the wife already married to a further marriage, given before the judge (the Kurdistan Region). */
  'spouse-consent',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The formats taken, each with the bytes every file of that format starts with. */
export const MAGIC = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
} as const;
export type DocumentContentType = keyof typeof MAGIC;
export const DOCUMENT_CONTENT_TYPES = Object.keys(MAGIC) as DocumentContentType[];

/** The longest magic: how many first bytes the check needs. */
export const MAGIC_BYTES = Math.max(...Object.values(MAGIC).map((m) => m.length));

/** The format a Content-Type header names (parameters and case ignored), if it is one taken. */
export function contentTypeOf(header: string | undefined): DocumentContentType | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return DOCUMENT_CONTENT_TYPES.find((t) => t === type);
}

/** Whether a file's first bytes are those of the declared format (a PNG sent as a PDF is not). */
export function matchesMagic(contentType: DocumentContentType, head: Buffer): boolean {
  const magic = MAGIC[contentType];
  return head.length >= magic.length && head.subarray(0, magic.length).equals(magic);
}

/** A document's file name when downloaded: its type and id, with the format's extension. */
export function downloadName(type: string, id: string, contentType: DocumentContentType): string {
  const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[contentType];
  return `${type}-${id}.${ext}`;
}
