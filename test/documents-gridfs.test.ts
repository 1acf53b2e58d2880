import { createHash } from 'node:crypto';
import { DocumentGridFs } from '../src/modules/documents/gridfs';
import { verifyDocuments } from '../src/modules/documents/verify';
import { rebuildProjections } from '../src/journal/rebuild';
import { auth, request, startHarness, type Harness } from './support/harness';
import { SCANNED_PDF, birthDeclaration, enrolParents } from './support/fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let h: Harness;
let officer: string;
let recordId: string;
beforeAll(async () => {
  h = await startHarness({ DOCUMENT_STORE: 'gridfs' });
  officer = await h.token('officer');
  const registrar = await h.token('registrar');
  const { mother, father } = await enrolParents(h.app, registrar);
  const declared = await request(h.app)
    .post('/v1/births')
    .set(auth(officer))
    .send(birthDeclaration(mother.nin, father.nin));
  recordId = declared.body.id as string;
});
afterAll(() => h.close());

describe('documents in GridFS (DOCUMENT_STORE=gridfs, for MongoDB in production)', () => {
  it('keeps the bytes in the database, answers them back, survives a rebuild, and journal:verify finds a changed chunk', async () => {
    expect(h.services.documentFiles).toBeInstanceOf(DocumentGridFs);
    const sent = await request(h.app)
      .post(`/v1/records/${recordId}/documents`)
      .query({ type: 'court-order' })
      .set(auth(officer))
      .set('Content-Type', 'application/pdf')
      .send(SCANNED_PDF);
    expect(sent.status).toBe(201);
    expect(sent.body.sha256).toBe(sha256(SCANNED_PDF));
    const files = h.services.db.collection('documents.files');
    expect(await files.countDocuments({ filename: sha256(SCANNED_PDF) })).toBe(1);

    // The same scan again shares its file.
    const again = await request(h.app)
      .post(`/v1/records/${recordId}/documents`)
      .query({ type: 'other' })
      .set(auth(officer))
      .set('Content-Type', 'application/pdf')
      .send(SCANNED_PDF);
    expect(again.status).toBe(201);
    expect(await files.countDocuments({ filename: sha256(SCANNED_PDF) })).toBe(1);

    await rebuildProjections(h.services);
    const read = await request(h.app)
      .get(`/v1/records/${recordId}/documents/${sent.body.id}`)
      .set(auth(officer))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(read.status).toBe(200);
    expect(Buffer.compare(read.body as Buffer, SCANNED_PDF)).toBe(0);

    const entries = h.services.journal.entries;
    expect((await verifyDocuments(entries, h.services.documentFiles)).ok).toBe(true);
    // Someone with the database's keys changes a chunk: the hash in the journal tells.
    const chunks = h.services.db.collection('documents.chunks');
    const chunk = await chunks.findOne({});
    expect(chunk).not.toBeNull();
    await chunks.updateOne({ _id: chunk!._id }, { $set: { data: Buffer.from('%PDF-1.4 forged') } });
    const report = await verifyDocuments(entries, h.services.documentFiles);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.documentId)).toEqual(expect.arrayContaining([sent.body.id, again.body.id]));
  });
});
