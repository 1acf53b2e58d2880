import mongoose, { type Connection } from 'mongoose';
import type { Db } from 'mongodb';

/** Whether the database answers a ping within the time given. */
export function answersWithin(db: Db, ms: number): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref());
  return Promise.race([
    db.command({ ping: 1 }).then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}

/** A mongoose connection, open, to the database at `uri`. */
export async function connect(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, { dbName, ignoreUndefined: true, serverSelectionTimeoutMS: 10_000 });
  await conn.asPromise();
  return conn;
}
