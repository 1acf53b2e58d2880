import { Problem, notFound } from '../../http/problem';
import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import type { Actor } from '../../journal/types';
import { errorResponses } from '../common/responses';
import { recordId } from '../common/schemas';
import { findRecord, recordOffice } from '../records/commands';
import { namedIn, presentDocument } from '../records/presenter';
import { documentId, documentSummary } from '../records/schemas';
import type { CivilRecord, DocumentSummary } from '../records/store';
import { attachDocument, type DocumentDeps } from './commands';
import { contentTypeOf, DOCUMENT_CONTENT_TYPES, DOCUMENT_TYPES, downloadName, type DocumentContentType } from './rules';

/** What these routes use. */
type RouteDeps = DocumentDeps;
const defineRoute = routesOf<RouteDeps>();

const recordParams = z.object({ id: recordId }).strict();
const documentParams = z.object({ id: recordId, documentId }).strict();
const attachQuery = z.object({ type: z.enum(DOCUMENT_TYPES) }).strict();

const documentView = documentSummary
  .extend({ uploadedBy: z.string().openapi({ description: 'The user who attached it' }) })
  .openapi('Document');
const documentList = z.object({ items: z.array(documentView) }).openapi('DocumentList');

const present = (d: DocumentSummary) => ({ ...presentDocument(d), uploadedBy: d.uploadedBy });

/** A record whose documents the caller may read: staff and auditors any, a citizen only those that name them. */
async function readableRecord(deps: RouteDeps, actor: Actor, id: string): Promise<CivilRecord> {
  const record = await findRecord(deps.records, id);
  if (actor.role === 'citizen' && !(actor.nin && namedIn(record).includes(actor.nin)))
    throw new Problem(403, 'Forbidden', 'A citizen reads the documents of the records that name them only', {
      code: 'not-your-record',
    });
  return record;
}

/** The files behind a record (a judgment, the hospital's form, a marriage contract), attached and read. */
export const documentRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/records/{id}/documents',
    operationId: 'attachDocument',
    permission: 'documents.attach',
    tag: 'Records',
    summary:
      'Attach a supporting document (the file itself as the body: PDF, JPEG or PNG, at most DOCUMENT_MAX_BYTES); a court-order document is the evidence a correction names',
    params: recordParams,
    query: attachQuery,
    officeOf: (params, deps) => recordOffice(deps.records, params.id),
    streamBody: {
      schema: z.string().openapi({ format: 'binary' }),
      mediaTypes: [...DOCUMENT_CONTENT_TYPES],
    },
    responses: {
      201: { description: 'Attached', schema: documentView },
      ...errorResponses(400, 401, 403, 404, 413, 415),
    },
    async handle({ params, query, headers, stream }, ctx) {
      const length = headers['content-length'];
      const entry = await attachDocument(ctx.deps, ctx, {
        recordId: params.id,
        type: query.type,
        // The mount let only these media types through.
        contentType: contentTypeOf(headers['content-type']) as DocumentContentType,
        ...(length !== undefined ? { declaredLength: Number(length) } : {}),
        body: stream!,
      });
      const d = entry.data;
      return {
        status: 201,
        body: present({ ...d, id: d.documentId, uploadedAt: entry.at, uploadedBy: entry.actor.id }),
        headers: { Location: `/v1/records/${d.recordId}/documents/${d.documentId}` },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/records/{id}/documents',
    operationId: 'listDocuments',
    permission: 'documents.read',
    tag: 'Records',
    summary: "A record's supporting documents, oldest first (a citizen: of their own records)",
    params: recordParams,
    accessLog: true,
    responses: { 200: { description: 'The documents', schema: documentList }, ...errorResponses(400, 401, 403, 404) },
    async handle({ params }, { deps, actor }) {
      const record = await readableRecord(deps, actor, params.id);
      return { status: 200, body: { items: (record.documents ?? []).map(present) }, named: namedIn(record) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/records/{id}/documents/{documentId}',
    operationId: 'getDocument',
    permission: 'documents.read',
    tag: 'Records',
    summary: 'The file of a supporting document, as an attachment with its content type',
    params: documentParams,
    accessLog: true,
    responses: {
      200: { description: 'The file', mediaType: 'application/octet-stream' },
      ...errorResponses(400, 401, 403, 404),
    },
    async handle({ params }, { deps, actor }) {
      const record = await readableRecord(deps, actor, params.id);
      const doc = (record.documents ?? []).find((d) => d.id === params.documentId);
      if (!doc) throw notFound(`Record ${record._id} has no document ${params.documentId}`);
      const bytes = await deps.documentFiles.read(doc.sha256).catch(() => {
        throw new Problem(
          500,
          'Internal Server Error',
          `The file of document ${doc.id} is missing from the document store: restore DATA_DIR/documents from the backup (npm run journal:verify lists every such file)`,
          { code: 'document-missing' },
        );
      });
      return {
        status: 200,
        body: bytes,
        headers: {
          'Content-Type': doc.contentType,
          // Never shown in the page that asked for it: a scan is data, not something to run.
          'Content-Disposition': `attachment; filename="${downloadName(doc.type, doc.id, doc.contentType as DocumentContentType)}"`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
        },
        named: namedIn(record),
      };
    },
  }),
];
