import { randomBytes } from 'node:crypto';
import { Binary, Int32, Long, MongoClient, ObjectId, type Db, type Document } from 'mongodb';

/**
 * Conformance of the database engine with the MongoDB guarantees the service relies on. They
 * hold on MongoDB and on our patched FerretDB (src/db/patches); on the stock FerretDB 1.24.2
 * binary the tests of atomicity and index use fail (`MONGODB_URI=<stock engine> npx jest
 * test/engine.test.ts`; the conditional updates' race in about half the runs, as a race may happen
 * to have one winner); those of reading documents guard our patch's faster reading.
 */
let client: MongoClient;
let db: Db;
beforeAll(async () => {
  // Sixteen connections, so that requests really run side by side in the engine.
  client = await MongoClient.connect(process.env.TEST_MONGODB_URI!, { maxPoolSize: 16 });
  db = client.db(`engine_${randomBytes(6).toString('hex')}`);
});
afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

const parallel = <T>(n: number, work: (i: number) => Promise<T>) =>
  Promise.allSettled(Array.from({ length: n }, (_, i) => work(i)));

describe('single-document atomicity', () => {
  it('counts every one of 400 concurrent $inc', async () => {
    const counters = db.collection<{ _id: string; value: number }>('counters');
    await counters.insertOne({ _id: 'c', value: 0 });
    const results = await parallel(400, () =>
      counters.findOneAndUpdate({ _id: 'c' }, { $inc: { value: 1 } }, { returnDocument: 'after' }),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await counters.findOne({ _id: 'c' }))?.value).toBe(400);
    // Each caller saw its own value: no two increments read the same count.
    const seen = results.map((r) => (r.status === 'fulfilled' ? r.value?.value : undefined));
    expect(new Set(seen).size).toBe(400);
  });

  it('lets exactly one of 50 concurrent version-conditional updates win', async () => {
    const docs = db.collection<{ _id: string; version: number }>('versioned');
    await docs.insertOne({ _id: 'd', version: 1 });
    const results = await parallel(50, () => docs.updateOne({ _id: 'd', version: 1 }, { $set: { version: 2 } }));
    const winners = results.filter((r) => r.status === 'fulfilled' && r.value.modifiedCount === 1);
    expect(winners.length).toBe(1);
    expect(await docs.findOne({ _id: 'd' })).toEqual({ _id: 'd', version: 2 });
  });

  it('turns 20 concurrent upserts of one missing document into one document, without an error', async () => {
    const docs = db.collection<{ _id: string; n: number }>('upserted');
    const results = await parallel(20, () => docs.updateOne({ _id: 'u' }, { $inc: { n: 1 } }, { upsert: true }));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await docs.find({}).toArray()).toEqual([{ _id: 'u', n: 20 }]);
  });
});

/** Whether the engine's plan for this find uses an index (FerretDB: SQLite's plan; MongoDB: IXSCAN). */
async function usesIndex(collection: string, filter: Document): Promise<boolean> {
  const plan = JSON.stringify(await db.command({ explain: { find: collection, filter }, verbosity: 'queryPlanner' }));
  return /USING INDEX|IXSCAN|IDHACK|EXPRESS_IXSCAN|CLUSTERED_IXSCAN/.test(plan) && !/detail=SCAN /.test(plan);
}

describe('index use', () => {
  beforeAll(async () => {
    const people = db.collection<{ _id: string; nin: string | string[]; seq?: number }>('people');
    await people.createIndex({ nin: 1 });
    await people.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: `p${i}`, nin: `n${i}`, seq: i })));
    await people.insertOne({ _id: 'array', nin: ['x1', 'x2'] });
  });

  it('answers _id equality from the index, alone or beside other conditions', async () => {
    expect(await usesIndex('people', { _id: 'p7' })).toBe(true);
    expect(await usesIndex('people', { _id: 'p7', seq: { $lt: 100 } })).toBe(true);
    expect(await db.collection<{ _id: string }>('people').countDocuments({ _id: 'p7', seq: { $lt: 100 } })).toBe(1);
    expect(await db.collection<{ _id: string }>('people').countDocuments({ _id: 'p7', seq: { $lt: 5 } })).toBe(0);
    expect(await usesIndex('people', { _id: { $in: ['p1', 'p2', 'nobody'] } })).toBe(true);
    expect(
      (
        await db
          .collection<{ _id: string }>('people')
          .find({ _id: { $in: ['p2', 'p1', 'nobody'] } })
          .toArray()
      )
        .map((d) => d._id)
        .sort(),
    ).toEqual(['p1', 'p2']);
  });

  it('answers equality on an indexed field from its index, still matching array elements', async () => {
    expect(await usesIndex('people', { nin: 'n42' })).toBe(true);
    expect(await db.collection<{ _id: string }>('people').find({ nin: 'n42' }).toArray()).toEqual([
      { _id: 'p42', nin: 'n42', seq: 42 },
    ]);
    expect((await db.collection<{ _id: string }>('people').find({ nin: 'x2' }).toArray()).map((d) => d._id)).toEqual([
      'array',
    ]);
  });

  it('answers an anchored literal prefix from the index: the strings that begin so, and arrays holding one', async () => {
    const names = db.collection<{ _id: string; key: string | string[] }>('names');
    await names.createIndex({ key: 1 });
    await names.insertMany([
      { _id: 'a', key: 'زينب احمد ' },
      { _id: 'b', key: 'زينب احمد محمود ' },
      { _id: 'c', key: 'زينب احمدي ' },
      { _id: 'd', key: 'زينب ' },
      { _id: 'e', key: 'a<b&c (d) ' },
      { _id: 'f', key: ['x', 'زينب احمد علي '] },
    ]);
    const ids = async (filter: Document) => (await names.find(filter).toArray()).map((d) => d._id).sort();
    expect(await usesIndex('names', { key: { $regex: '^زينب احمد ' } })).toBe(true);
    expect(await ids({ key: { $regex: '^زينب احمد ' } })).toEqual(['a', 'b', 'f']);
    expect(await ids({ key: /^زينب احمد/ })).toEqual(['a', 'b', 'c', 'f']);
    // Characters JSON escapes, and punctuation escaped in the pattern.
    expect(await ids({ key: { $regex: '^a<b&c \\(d' } })).toEqual(['e']);
    // What the prefix does not bound is still answered, by reading the collection.
    expect(await ids({ key: { $regex: '^زينب احمد|^a<' } })).toEqual(['a', 'b', 'c', 'e', 'f']);
    expect(await ids({ key: { $regex: '^ZAINAB', $options: 'i' } })).toEqual([]);
  });

  it('answers an $or of such conditions on indexed fields from the indexes, and any other $or by reading', async () => {
    const rows = db.collection<{ _id: string; k0?: string; t0?: string; t1?: string; other?: string }>('rows');
    for (const field of ['k0', 't0', 't1']) await rows.createIndex({ [field]: 1 });
    await rows.insertMany([
      { _id: 'a', k0: 'زينب احمد ', t0: 'زينب', t1: 'احمد' },
      { _id: 'b', k0: 'هدى علي ', t0: 'هدى', t1: 'زينب' },
      { _id: 'c', k0: 'علي ', t0: 'علي', other: 'زينب' },
    ]);
    const byToken = { $or: [{ t0: 'زينب' }, { t1: 'زينب' }] };
    expect(await usesIndex('rows', byToken)).toBe(true);
    expect(await usesIndex('rows', { $or: [{ k0: { $regex: '^هدى ' } }, { t1: 'احمد' }] })).toBe(true);
    const ids = async (filter: Document) => (await rows.find(filter).toArray()).map((d) => d._id).sort();
    expect(await ids(byToken)).toEqual(['a', 'b']);
    expect(await ids({ $or: [{ k0: { $regex: '^هدى ' } }, { t1: 'احمد' }] })).toEqual(['a', 'b']);
    // A clause on a field without an index: the whole $or is answered by reading, and still right.
    expect(await ids({ $or: [{ t0: 'زينب' }, { other: 'زينب' }] })).toEqual(['a', 'c']);
  });
});

/**
 * Our patch counts what SQLite can decide from an index itself (src/db/patches, item 5): an
 * equality or an anchored literal prefix on an indexed field, or an `$or` of those. The count
 * must be the documents `find` matches, arrays, other types and the limit included.
 */
describe('counting', () => {
  const matched = async (filter: Document, limit = 0, skip = 0) => {
    const n = (await db.command({ count: 'counted', query: filter, limit, skip })).n as number;
    const all = await db.collection('counted').find(filter).toArray();
    return { n, found: Math.min(Math.max(all.length - skip, 0), limit || Infinity) };
  };

  beforeAll(async () => {
    const counted = db.collection<{ _id: string; [field: string]: unknown }>('counted');
    for (const field of ['key', 'tok']) await counted.createIndex({ [field]: 1 });
    await counted.insertMany([
      { _id: 'a', key: 'زينب احمد ' },
      { _id: 'b', key: 'زينب احمد محمود ' },
      { _id: 'c', key: 'زينب احمدي ' },
      { _id: 'd', key: ['x', 'زينب احمد علي '] },
      { _id: 'e', key: ['زينب احمد ', 'زينب احمد '] },
      { _id: 'f', tok: 'زينب' },
      { _id: 'g', key: 'زينب احمد ', tok: ['زينب', 'علي'] },
      { _id: 'h', key: null },
      { _id: 'i', key: { inner: 'زينب احمد ' } },
      { _id: 'j', key: 42 },
      { _id: 'k', key: 'YWJj' },
      { _id: 'l', key: new Binary(Buffer.from('abc')) },
      { _id: 'm', key: new ObjectId('5f2a6c69e1b2c3d4e5f60718') },
      { _id: 'n', key: '5f2a6c69e1b2c3d4e5f60718' },
      { _id: 'o', key: 'a "quoted" \\ key ' },
      { _id: 'p' },
    ]);
  });

  it('counts a prefix, an equality and an $or of them as find matches them, arrays and all', async () => {
    for (const filter of [
      { key: { $regex: '^زينب احمد ' } },
      { key: /^زينب احمد/ },
      { key: 'زينب احمد ' },
      { tok: 'زينب' },
      { $or: [{ key: { $regex: '^زينب احمد ' } }, { tok: 'زينب' }] },
      { $or: [{ key: 'زينب احمد ' }, { tok: 'علي' }] },
      { key: { $regex: '^a "quoted" \\\\ ' } },
      { key: 'nobody ' },
    ]) {
      const { n, found } = await matched(filter);
      expect({ filter, n }).toEqual({ filter, n: found });
    }
    expect((await matched({ key: { $regex: '^زينب احمد ' } })).n).toBe(5);
    expect((await matched({ $or: [{ key: { $regex: '^زينب احمد ' } }, { tok: 'زينب' }] })).n).toBe(6);
  });

  it('counts up to the limit, after a skip, and strings apart from binary data and object ids of the same text', async () => {
    for (const limit of [1, 2, 4, 5, 6, 100]) {
      const { n, found } = await matched({ $or: [{ key: { $regex: '^زينب احمد ' } }, { tok: 'زينب' }] }, limit);
      expect({ limit, n }).toEqual({ limit, n: found });
    }
    expect(await matched({ key: { $regex: '^زينب ' } }, 0, 2)).toEqual({ n: 4, found: 4 });
    expect(await matched({ key: 'YWJj' })).toEqual({ n: 1, found: 1 });
    expect(await matched({ key: /^YW/ })).toEqual({ n: 1, found: 1 });
    expect(await matched({ $or: [{ key: /^5f2a/ }, { tok: 'علي' }] })).toEqual({ n: 2, found: 2 });
    expect(await matched({ key: '5f2a6c69e1b2c3d4e5f60718' })).toEqual({ n: 1, found: 1 });
  });
});

/**
 * Our patch reads documents faster (src/db/patches, item 4: its own splitting of a document's
 * text, strings and integers taken as they are, schemas and regular expressions kept, common
 * projections built directly): what
 * is read back must still be what was written, and an expression's options must still count.
 */
describe('reading documents', () => {
  it('gives back exactly what was written, whatever the strings and nesting', async () => {
    const docs = db.collection<Document & { _id: string }>('roundtrip');
    const written: (Document & { _id: string })[] = [
      {
        _id: 'tricky',
        quotes: 'with "quotes", {braces} and [brackets]: \\ and \\"',
        controls: 'tab\tnew line\ncarriage\r',
        scripts: 'زينب عبد الله · Zêdan Hewlêr · 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
        'kéy with spaces': 'value',
        nested: { list: [1, 'two', { three: ['}', ']', '"'] }, {}], empty: {}, n: -1.5e3, yes: true, none: null },
      },
      { _id: 'plain', a: 'x', b: 'y' },
    ];
    await docs.insertMany(written);
    expect(await docs.find({}).sort({ _id: 1 }).toArray()).toEqual([written[1], written[0]]);
  });

  it('gives back fields in order, integers and times exactly, with no projection or one of fields', async () => {
    // Item 4 also builds these projections itself and parses integers directly.
    const docs = db.collection<Document & { _id: string }>('projections');
    const at = new Date('2026-12-04T10:11:12.345Z');
    const big = Long.fromString('-9007199254740993');
    // `_id` written second: every engine answers it first.
    await docs.insertOne({
      b: 'bee',
      _id: 'p',
      a: 'ay',
      n: new Int32(-2147483648),
      z: 0,
      big,
      at,
      nested: { x: 1, y: [2, 'w'] },
    });
    const read = (projection?: Document) =>
      docs.findOne({ _id: 'p' }, { ...(projection ? { projection } : {}), promoteLongs: false, promoteValues: false });
    const whole = await read();
    expect(Object.keys(whole!)).toEqual(['_id', 'b', 'a', 'n', 'z', 'big', 'at', 'nested']);
    expect(whole!.n).toEqual(new Int32(-2147483648));
    expect((whole!.big as Long).toString()).toBe('-9007199254740993');
    expect(whole!.at).toEqual(at);
    const fields = await read({ a: 1, b: 1 });
    expect(Object.keys(fields!)).toEqual(['_id', 'b', 'a']);
    expect(await read({ nested: 1, _id: 0 })).toEqual({ nested: { x: new Int32(1), y: [new Int32(2), 'w'] } });
    expect(await read({ 'nested.x': 1 })).toEqual({ _id: 'p', nested: { x: new Int32(1) } });
    expect(await read({ a: 0 })).toEqual({ ...whole, a: undefined });
  });

  it('keeps apart the same expression with and without options, asked many times', async () => {
    const docs = db.collection<{ _id: string; s: string }>('expressions');
    await docs.insertMany([
      { _id: '1', s: 'Abc' },
      { _id: '2', s: 'abc' },
    ]);
    for (let i = 0; i < 3; i++) {
      expect((await docs.find({ s: /^ab/ }).toArray()).map((d) => d._id)).toEqual(['2']);
      expect((await docs.find({ s: /^ab/i }).toArray()).map((d) => d._id).sort()).toEqual(['1', '2']);
    }
  });
});
