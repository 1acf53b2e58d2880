import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { ProjectionStore, type ProjectionDoc } from '../src/db/store';

/** The projection store's own rules, on the real engine. */
let client: MongoClient;
let db: Db;
beforeAll(async () => {
  client = await MongoClient.connect(process.env.TEST_MONGODB_URI!);
  db = client.db(`store_${randomBytes(6).toString('hex')}`);
});
afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

interface Entry extends ProjectionDoc {
  key: string;
}

describe('clearing a projection for a rebuild', () => {
  it('empties a collection larger than one batch and keeps its unique index', async () => {
    const store = new ProjectionStore<Entry>(db, 'entries', [{ key: { key: 1 }, unique: true, serves: 'a test' }]);
    await store.init();
    // Enough to cross the batch boundary (5,000 ids) twice without a slow test.
    const docs = Array.from({ length: 11_001 }, (_, i) => ({ _id: `e${i}`, seq: i, key: `k${i}` }));
    for (let i = 0; i < docs.length; i += 2000) await store.collection.insertMany(docs.slice(i, i + 2000));
    expect(await store.collection.countDocuments()).toBe(11_001);

    await store.clear();
    expect(await store.collection.countDocuments()).toBe(0);
    // The collection and its indexes stayed: the unique key still refuses a second holder.
    await store.collection.insertOne({ _id: 'a', seq: 1, key: 'same' });
    await expect(store.collection.insertOne({ _id: 'b', seq: 2, key: 'same' })).rejects.toMatchObject({ code: 11000 });
    // Clearing an empty or missing collection is nothing to do.
    await new ProjectionStore<Entry>(db, 'never-written').clear();
  });
});
