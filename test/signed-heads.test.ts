import { addDays } from '../src/modules/common/dates';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { entryHash } from '../src/journal/hash';
import { headJwk } from '../src/journal/head-keys';
import { signHead, signedBytes, type SignedHead } from '../src/journal/head-signature';
import { readHeadsFile } from '../src/journal/heads-file';
import { entryId, type StoredEntry } from '../src/journal/types';
import { verifyChain, verifyJournal } from '../src/journal/verify';
import { contractChecker } from './support/contract';
import { auth, request, startHarness, type Harness } from './support/harness';

let h: Harness;
let auditor: string;
let registrar: string;
beforeAll(async () => {
  // A head signed every 5 entries, so a few commands make several.
  h = await startHarness({ JOURNAL_SIGN_EVERY_ENTRIES: '5' });
  auditor = await h.token('auditor');
  registrar = await h.token('registrar');
});
afterAll(() => h.close());

/** Sara Khalid Omar, born on a day of her own each time: two on one day would be possible duplicates. */
let enrolments = 0;
const enrolment = () => ({
  name: { givenName: 'سارة', fatherName: 'خالد', grandfatherName: 'عمر' },
  sex: 'female',
  dateOfBirth: addDays('1980-02-01', enrolments++),
  placeOfBirth: { governorate: 'IQ-NA' },
});

async function enrolSome(n: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await request(h.app).post('/v1/persons').set(auth(registrar)).send(enrolment()).expect(201);
}

const tmpFile = (name: string) => path.join(os.tmpdir(), `heads-${process.pid}-${Date.now()}-${name}`);

/** What someone holding the database can do: edit an entry, then recompute every hash after it and the recorded head. */
async function rewriteFrom(seq: number, edit: Record<string, unknown>): Promise<void> {
  const entries = h.services.journal.entries;
  await entries.updateOne({ _id: entryId(seq) }, { $set: edit });
  let prevHash = (await entries.findOne({ _id: entryId(seq - 1) }))!.hash;
  let last: StoredEntry | null = null;
  for (const stored of await entries
    .find({ _id: { $gte: entryId(seq) } })
    .sort({ _id: 1 })
    .toArray()) {
    const { _id, hash: _old, ...body } = stored;
    const rewritten = { ...body, prevHash };
    const hash = entryHash(rewritten, prevHash);
    await entries.replaceOne({ _id }, { ...rewritten, hash });
    prevHash = hash;
    last = { _id, ...rewritten, hash };
  }
  await h.services.db
    .collection('journal_checkpoints')
    .updateOne({ _id: 'head' as never }, { $set: { seq: last!.seq, hash: last!.hash } });
}

describe('signed journal heads', () => {
  it('publishes heads signed every N entries and on demand, with the public key, checkable by anyone with ES256', async () => {
    const expectContract = contractChecker();
    await enrolSome(7);
    const res = await request(h.app).get('/v1/audit/heads').set(auth(auditor));
    expectContract(res);
    expect(res.status).toBe(200);
    const head = (await verifyChain(h.services.journal.entries)).head!;
    const items = res.body.items as SignedHead[];
    // Every multiple of 5 so far, and the newest head, signed when it was asked for.
    expect(items.map((i) => i.seq)).toEqual(expect.arrayContaining([5, head.seq]));
    const multiples = Array.from({ length: Math.floor(head.seq / 5) }, (_, i) => 5 * (i + 1));
    expect(items.map((i) => i.seq)).toEqual(head.seq % 5 === 0 ? multiples : [...multiples, head.seq]);
    expect(items.at(-1)).toMatchObject({ seq: head.seq, hash: head.hash, kid: res.body.keys[0].kid });
    // The README's recipe: the canonical {at, hash, seq}, ES256 (r || s), the pinned JWK.
    const key = createPublicKey({ key: res.body.keys[0], format: 'jwk' });
    for (const item of items)
      expect(
        verify(
          'sha256',
          signedBytes(item),
          { key, dsaEncoding: 'ieee-p1363' },
          Buffer.from(item.signature, 'base64url'),
        ),
      ).toBe(true);
    // Paging after a seq.
    const later = await request(h.app).get('/v1/audit/heads').query({ after: 5 }).set(auth(auditor));
    expect(later.body.items.every((i: SignedHead) => i.seq > 5)).toBe(true);
    // Asked again with nothing new, nothing more is signed.
    const again = await request(h.app).get('/v1/audit/heads').set(auth(auditor));
    expect(again.body.items).toEqual(items);
    const officer = await request(h.app)
      .get('/v1/audit/heads')
      .set(auth(await h.token('officer')));
    expect(officer.status).toBe(403);
  });

  it('refuses a head signed with another key, and one whose signature was made for other bytes', async () => {
    const head = (await verifyChain(h.services.journal.entries)).head!;
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const foreign = signHead(head, { kid: headJwk(other).kid, privateKey: other });
    // The right kid, another key's signature.
    const impostor = {
      ...signHead(head, { kid: headJwk(other).kid, privateKey: other }),
      kid: h.services.journal.signing!.heads.keys.signer!.kid,
    };
    const file = tmpFile('foreign.ndjson');
    await writeFile(file, `${JSON.stringify({ items: [foreign] })}\n${JSON.stringify(impostor)}\n`);
    const report = await verifyJournal(h.services.journal, { heads: await readHeadsFile(file) });
    expect(report).toMatchObject({ ok: false, firstBadSeq: head.seq });
    expect(report.problems.map((p) => p.problem)).toEqual([
      expect.stringContaining('not a trusted journal key'),
      expect.stringContaining('does not carry a valid signature'),
    ]);
    // Once the auditor pins that other key, its head verifies (it names the true hash).
    const pinned = await verifyJournal(h.services.journal, { heads: [foreign], pinnedKeys: [createPublicKey(other)] });
    expect(pinned.ok).toBe(true);
    const held = await verifyJournal(h.services.journal);
    expect(held).toMatchObject({ ok: true, signedHeads: { lastMatching: { seq: expect.any(Number) } } });
    expect(held.signedHeads.checked).toBeGreaterThan(1);
  });

  it('catches a journal cut short below a signed head, even with the recorded head rewritten', async () => {
    const heads = await request(h.app).get('/v1/audit/heads').set(auth(auditor)).expect(200);
    const newest = (heads.body.items as SignedHead[]).at(-1)!;
    const entries = h.services.journal.entries;
    const removed = await entries.find({ _id: { $gt: entryId(newest.seq - 2) } }).toArray();
    await entries.deleteMany({ _id: { $gt: entryId(newest.seq - 2) } });
    const last = (await entries.findOne({ _id: entryId(newest.seq - 2) }))!;
    await h.services.db
      .collection('journal_checkpoints')
      .updateOne({ _id: 'head' as never }, { $set: { seq: last.seq, hash: last.hash } });
    const report = await verifyJournal(h.services.journal, { heads: heads.body.items });
    expect(report).toMatchObject({ ok: false, firstBadSeq: newest.seq - 1 });
    expect(report.problem).toContain('cut short');
    const recorded = await h.services.journal.recordedHead();
    await entries.insertMany(removed);
    await h.services.db
      .collection('journal_checkpoints')
      .updateOne({ _id: 'head' as never }, { $set: { seq: recorded!.seq + 2, hash: removed.at(-1)!.hash } });
    expect(await verifyJournal(h.services.journal)).toMatchObject({ ok: true });
  });
  it("catches a rewritten history whose chain and recorded head were recomputed: the route by the heads it holds, the CLI by the auditor's file", async () => {
    await enrolSome(6);
    // The auditor's cron: the heads answer appended to a file the database cannot touch.
    const fetched = await request(h.app).get('/v1/audit/heads').set(auth(auditor)).expect(200);
    const file = tmpFile('kept.ndjson');
    await writeFile(file, `${JSON.stringify(fetched.body)}\n`);
    const signedSeqs = (fetched.body.items as SignedHead[]).map((i) => i.seq);

    const victim = await h.services.journal.entries.findOne({ type: 'person.enrolled', seq: { $gt: 7 } });
    const firstSignedAfter = Math.min(...signedSeqs.filter((s) => s >= victim!.seq));
    await rewriteFrom(victim!.seq, { 'data.dateOfBirth': '1999-09-09' });
    // The old check alone is fooled: the chain and the recorded head agree with each other.
    expect(
      await verifyChain(h.services.journal.entries, { recordedHead: await h.services.journal.recordedHead() }),
    ).toMatchObject({ ok: true });

    const res = await request(h.app).get('/v1/audit/integrity').set(auth(auditor));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, firstBadSeq: firstSignedAfter });
    expect(res.body.problem).toContain(`is not the one signed as the head`);

    // The attacker also deletes the signed heads the database held: only the auditor's copy is left.
    await h.services.journal.signing!.heads.collection.deleteMany({});
    expect(await verifyJournal(h.services.journal)).toMatchObject({ ok: true });
    const fromFile = await verifyJournal(h.services.journal, { heads: await readHeadsFile(file) });
    expect(fromFile).toMatchObject({ ok: false, firstBadSeq: firstSignedAfter });
    expect(fromFile.problems.map((p) => p.seq)).toEqual(signedSeqs.filter((s) => s >= victim!.seq));
  });
});
