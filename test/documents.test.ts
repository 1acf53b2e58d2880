import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { rebuildProjections } from '../src/journal/rebuild';
import { DocumentFiles, TooLarge } from '../src/modules/documents/files';
import { verifyDocuments } from '../src/modules/documents/verify';
import { auth, request, startHarness, type Harness } from './support/harness';
import { SCANNED_PDF, birthDeclaration, enrolParents } from './support/fixtures';

const MAX = 4096;
const dir = mkdtempSync(path.join(os.tmpdir(), 'documents-test-'));
/** The command-line tool's own data folder (its access-token key). */
const cliData = mkdtempSync(path.join(os.tmpdir(), 'documents-cli-'));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR…')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF…')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let h: Harness;
let officer: string;
let registrar: string;
let recordId: string;
let motherNin: string;
beforeAll(async () => {
  h = await startHarness({ DOCUMENTS_DIR: dir, DOCUMENT_MAX_BYTES: String(MAX) });
  [officer, registrar] = [await h.token('officer'), await h.token('registrar')];
  const { mother, father } = await enrolParents(h.app, registrar);
  motherNin = mother.nin;
  const declared = await request(h.app)
    .post('/v1/births')
    .set(auth(officer))
    .send(birthDeclaration(mother.nin, father.nin));
  recordId = declared.body.id as string;
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cliData, { recursive: true, force: true });
});

const attach = (body: Buffer | string, contentType: string, type = 'hospital-notification', token = officer) =>
  request(h.app)
    .post(`/v1/records/${recordId}/documents`)
    .query({ type })
    .set(auth(token))
    .set('Content-Type', contentType)
    .send(body);

/** Runs `npm run journal:verify`'s program on this test's database and document folder. */
interface VerifyOutput {
  ok: boolean;
  documents: { ok: boolean; checked: number; problems: { recordId: string; documentId: string }[] };
}
async function journalVerify(): Promise<{ code: number; report: VerifyOutput }> {
  const env = {
    ...process.env,
    MONGODB_URI: process.env.TEST_MONGODB_URI,
    MONGODB_DB: h.services.db.databaseName,
    DOCUMENTS_DIR: dir,
    DATA_DIR: cliData,
    LOG_LEVEL: 'silent',
  };
  const args = [
    '-r',
    path.join(__dirname, 'support', 'ts-register.cjs'),
    path.join(__dirname, '..', 'src', 'cli', 'journal-verify.ts'),
  ];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { env });
    return { code: 0, report: JSON.parse(stdout) as VerifyOutput };
  } catch (err) {
    const failed = err as { code: number; stdout: string };
    return { code: failed.code, report: JSON.parse(failed.stdout || '{}') as VerifyOutput };
  }
}

/** Every file the store holds, kept or temporary. */
const storedFiles = (): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
const attachedEntries = () => h.services.journal.entries.countDocuments({ type: 'document.attached' });
const recordDocuments = async () => (await h.services.records.get(recordId))?.documents ?? [];

describe('attaching a document', () => {
  it('keeps a PDF under its SHA-256, journals the hash and lists it on the record', async () => {
    const res = await attach(SCANNED_PDF, 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^d_[A-Za-z0-9_-]{22}$/),
      type: 'hospital-notification',
      contentType: 'application/pdf',
      size: SCANNED_PDF.length,
      sha256: sha256(SCANNED_PDF),
      uploadedAt: expect.any(String),
      uploadedBy: expect.stringMatching(/^u_/),
    });
    expect(existsSync(h.services.documentFiles.pathOf(sha256(SCANNED_PDF)))).toBe(true);
    const entry = await h.services.journal.entries.findOne({ type: 'document.attached' });
    expect(entry?.data).toMatchObject({ recordId, documentId: res.body.id, sha256: sha256(SCANNED_PDF) });
    const record = await request(h.app).get(`/v1/records/${recordId}`).set(auth(registrar));
    const { uploadedBy: _by, ...summary } = res.body;
    expect(record.body.documents).toEqual([summary]);
    const list = await request(h.app).get(`/v1/records/${recordId}/documents`).set(auth(registrar));
    expect(list.body).toEqual({ items: [res.body] });
  });

  it('gives the bytes back as an attachment with their content type, never sniffed', async () => {
    const attached = await attach(PNG, 'image/png', 'identity-document');
    expect(attached.status).toBe(201);
    const res = await request(h.app)
      .get(`/v1/records/${recordId}/documents/${attached.body.id}`)
      .set(auth(registrar))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="identity-document-${attached.body.id}.png"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
  });

  it('takes a JPEG as image/jpeg', async () => {
    expect((await attach(JPEG, 'image/jpeg', 'other')).status).toBe(201);
  });

  it.each([
    ['a PNG declared as a PDF', PNG, 'application/pdf', 415],
    ['a PDF declared as a JPEG', SCANNED_PDF, 'image/jpeg', 415],
    ['text declared as a PNG', Buffer.from('not an image at all'), 'image/png', 415],
    ['an empty PDF', Buffer.alloc(0), 'application/pdf', 415],
    ['a Word file', Buffer.from('PK\x03\x04'), 'application/msword', 415],
    ['JSON', '{"file":"x"}', 'application/json', 415],
    ['a PDF over DOCUMENT_MAX_BYTES', Buffer.concat([SCANNED_PDF, Buffer.alloc(MAX)]), 'application/pdf', 413],
  ])('refuses %s and stores nothing', async (_what, body, contentType, status) => {
    const [files, entries, documents] = [storedFiles(), await attachedEntries(), await recordDocuments()];
    const res = await attach(body, contentType);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toEqual(expect.any(String));
    expect([storedFiles(), await attachedEntries(), await recordDocuments()]).toEqual([files, entries, documents]);
  });

  it('refuses a type it does not know (400) and a record that does not exist (404)', async () => {
    expect((await attach(SCANNED_PDF, 'application/pdf', 'selfie')).status).toBe(400);
    const res = await request(h.app)
      .post('/v1/records/r_AAAAAAAAAAAAAAAAAAAAAA/documents?type=other')
      .set(auth(officer))
      .set('Content-Type', 'application/pdf')
      .send(SCANNED_PDF);
    expect(res.status).toBe(404);
  });

  it('answers 413 to a chunked body (no Content-Length) once it passes the limit, and stores nothing', async () => {
    const [files, entries] = [storedFiles(), await attachedEntries()];
    const server = createServer(h.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/v1/records/${recordId}/documents?type=other`,
            headers: { ...auth(officer), 'Content-Type': 'application/pdf', 'Transfer-Encoding': 'chunked' },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write(SCANNED_PDF);
        // Twice the limit, in pieces: the service stops reading after the first few.
        for (let i = 0; i < 8; i++) req.write(Buffer.alloc(1024, 0x20));
        req.end();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'document-too-large' });
    } finally {
      server.close();
    }
    expect([storedFiles(), await attachedEntries()]).toEqual([files, entries]);
  });

  it('stops reading a body without a length at the limit and leaves no partial file', async () => {
    const files = new DocumentFiles(mkdtempSync(path.join(os.tmpdir(), 'documents-limit-')));
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024, 0x25));
      },
    });
    await expect(files.receive(endless, 4096)).rejects.toBeInstanceOf(TooLarge);
    // 4 chunks fill the limit, the 5th passes it; the stream may have read a few ahead, never on and on.
    expect(pulled).toBeLessThan(40);
    expect(readdirSync(files.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())).toEqual([]);
    rmSync(files.dir, { recursive: true, force: true });
  });
});

describe('who reads documents', () => {
  it('lets staff and auditors read, and a citizen only the documents of records that name them', async () => {
    for (const token of [officer, registrar, await h.token('auditor'), await h.token('officer', 'BSR')])
      expect((await request(h.app).get(`/v1/records/${recordId}/documents`).set(auth(token))).status).toBe(200);
    const mother = await h.citizen(motherNin);
    const mine = await request(h.app).get(`/v1/records/${recordId}/documents`).set(auth(mother.token));
    expect(mine.status).toBe(200);
    const file = await request(h.app)
      .get(`/v1/records/${recordId}/documents/${mine.body.items[0].id}`)
      .set(auth(mother.token));
    expect(file.status).toBe(200);
    const stranger = await h.citizen();
    const refused = await request(h.app).get(`/v1/records/${recordId}/documents`).set(auth(stranger.token));
    expect([refused.status, refused.body.code]).toEqual([403, 'not-your-record']);
    const refusedFile = await request(h.app)
      .get(`/v1/records/${recordId}/documents/${mine.body.items[0].id}`)
      .set(auth(stranger.token));
    expect(refusedFile.status).toBe(403);
  });

  it("writes each read into the access log of the record's people", async () => {
    await h.services.accessLog.flush();
    const before = await h.services.models.access.countDocuments({ nin: motherNin });
    await request(h.app).get(`/v1/records/${recordId}/documents`).set(auth(registrar)).expect(200);
    await h.services.accessLog.flush();
    const logged = await h.services.models.access.find({ nin: motherNin }).lean();
    expect(logged.length - before).toBe(1);
    expect(logged.map((e) => e.route)).toContain('GET /v1/records/{id}/documents');
  });

  it('refuses an officer of another office an upload (403 other-office)', async () => {
    const res = await attach(SCANNED_PDF, 'application/pdf', 'other', await h.token('officer', 'BSR'));
    expect([res.status, res.body.code]).toEqual([403, 'other-office']);
  });
});

describe('integrity', () => {
  it('journal:verify finds a changed and a missing file, named by record and document', async () => {
    const ok = await verifyDocuments(h.services.journal.entries, h.services.documentFiles);
    expect(ok).toMatchObject({ ok: true, problems: [] });
    expect(ok.checked).toBe(await attachedEntries());
    const [pdf, png] = (await recordDocuments()).filter((d) => d.type !== 'other');
    const pdfFile = h.services.documentFiles.pathOf(pdf!.sha256);
    writeFileSync(pdfFile, Buffer.concat([SCANNED_PDF, Buffer.from('% altered\n')]));
    rmSync(h.services.documentFiles.pathOf(png!.sha256));
    const bad = await verifyDocuments(h.services.journal.entries, h.services.documentFiles);
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([
      { recordId, documentId: pdf!.id, problem: expect.stringMatching(/was changed after it was attached/) },
      { recordId, documentId: png!.id, problem: expect.stringMatching(/is missing/) },
    ]);
    // The command an auditor runs says the same, and exits 3 as for a broken chain.
    const cli = await journalVerify();
    expect(cli.code).toBe(3);
    expect(cli.report.documents.problems.map((p) => p.documentId)).toEqual([pdf!.id, png!.id]);
    // Put back: the rest of the file runs on an intact store.
    writeFileSync(pdfFile, SCANNED_PDF);
    writeFileSync(h.services.documentFiles.pathOf(png!.sha256), PNG);
  });

  it('npm run journal:verify exits 0 on an intact journal and document store', async () => {
    const cli = await journalVerify();
    expect([cli.code, cli.report.ok, cli.report.documents.ok]).toEqual([0, true, true]);
    expect(cli.report.documents.checked).toBe(await attachedEntries());
  });

  it('a rebuild of the projections keeps the documents: listed again, files untouched', async () => {
    const before = await recordDocuments();
    const files = storedFiles().sort();
    await rebuildProjections(h.services);
    expect(await recordDocuments()).toEqual(before);
    expect(storedFiles().sort()).toEqual(files);
    expect((await verifyDocuments(h.services.journal.entries, h.services.documentFiles)).ok).toBe(true);
  });
});
