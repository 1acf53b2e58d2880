import type { Db } from 'mongodb';

interface Counter {
  _id: string;
  value: number;
}

/** Atomic named counters ($inc on one document): registration numbers per office, year and kind. */
export async function nextValue(db: Db, name: string): Promise<number> {
  const doc = await db
    .collection<Counter>('counters')
    .findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
  if (!doc) throw new Error(`counter ${name} did not return a value`);
  return doc.value;
}
