import { pruneExpired } from '../src/maintenance/retention';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000);

describe('retention', () => {
  it('deletes expired refresh tokens, old idempotency answers, spent throttles and expired codes, and keeps the rest', async () => {
    const m = h.services.models;
    await m.refreshTokens.create([
      { _id: 'old-rt', userId: 'u', familyId: 'f', expiresAt: hoursAgo(1) },
      { _id: 'live-rt', userId: 'u', familyId: 'f', expiresAt: hoursAgo(-1) },
    ]);
    await m.idempotency.create([
      { _id: 'old-key', requestHash: 'h', state: 'done', createdAt: hoursAgo(25) },
      { _id: 'new-key', requestHash: 'h', state: 'done', createdAt: hoursAgo(1) },
    ]);
    await m.throttles.create([
      { _id: 'u:spent', failures: 3, windowStart: hoursAgo(2) },
      { _id: 'u:locked', failures: 0, windowStart: hoursAgo(2), lockedUntil: hoursAgo(-1) },
      { _id: 'u:recent', failures: 2, windowStart: hoursAgo(0) },
    ]);
    await m.activationCodes.create([
      { _id: 'expired', secretId: 'x', expiresAt: hoursAgo(1), issuedBy: 'u' },
      { _id: 'valid', secretId: 'x', expiresAt: hoursAgo(-1), issuedBy: 'u' },
    ]);
    const journalBefore = await h.services.journal.entries.countDocuments();

    expect(await pruneExpired(h.services)).toEqual({
      refreshTokens: 1,
      idempotency: 1,
      throttles: 1,
      activationCodes: 1,
      revokedFamilies: 0,
    });
    expect((await m.refreshTokens.find().lean()).map((d) => d._id)).toEqual(['live-rt']);
    expect((await m.idempotency.find().lean()).map((d) => d._id)).toEqual(['new-key']);
    expect((await m.throttles.find().sort({ _id: 1 }).lean()).map((d) => d._id)).toEqual(['u:locked', 'u:recent']);
    expect((await m.activationCodes.find().lean()).map((d) => d._id)).toEqual(['valid']);
    expect(await h.services.journal.entries.countDocuments()).toBe(journalBefore);
  });

  it('prunes a backlog larger than one deletion can name: 33,000 old idempotency answers', async () => {
    // FerretDB names a deletion's matches in one SQL statement, which fails past 32,766; the
    // job deletes in batches instead (retention.ts).
    const m = h.services.models;
    const old = Array.from({ length: 33_000 }, (_, i) => ({
      _id: `backlog-${i}`,
      requestHash: 'h',
      state: 'done',
      createdAt: hoursAgo(30),
    }));
    await m.idempotency.insertMany(old, { lean: true });
    await m.idempotency.create({ _id: 'kept', requestHash: 'h', state: 'done', createdAt: hoursAgo(1) });

    expect((await pruneExpired(h.services)).idempotency).toBe(33_000);
    expect(await m.idempotency.collection.countDocuments({ createdAt: { $lt: hoursAgo(24) } })).toBe(0);
    expect(await m.idempotency.exists({ _id: 'kept' })).toBeTruthy();
  });
});
