import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './errors';

/** A periodic job's turn, shared by every instance on the database: the next time it is due. */
interface Turn {
  _id: string;
  due: Date;
  /** The instance that took the last turn, and when. */
  owner: string;
  takenAt: Date;
}

/** What one run of a job did: kept so an operator (and a test) can see it ran once per period. */
export interface JobRun {
  job: string;
  owner: string;
  startedAt: Date;
  result: Record<string, number>;
}

/**
 * Turns of periodic jobs (the retention pruning) across the instances of one database: whoever
 * moves a job's `due` forward takes the turn, with one conditional update, so with three instances
 * the job still runs once a period. The update is atomic on MongoDB and on our patched FerretDB
 * (src/db/patches/); the first turn ever is an insert, which the unique `_id` gives to one.
 */
export class JobTurns {
  private readonly turns: Collection<Turn>;
  readonly runs: Collection<JobRun & { _id?: unknown }>;

  constructor(db: Db) {
    this.turns = db.collection<Turn>('job_turns');
    this.runs = db.collection<JobRun>('job_runs');
  }

  /** Whether `owner` takes the job's turn now; if so the next is due `everyMs` later. */
  async take(job: string, owner: string, everyMs: number, now = new Date()): Promise<boolean> {
    const next = { due: new Date(now.getTime() + everyMs), owner, takenAt: now };
    const moved = await this.turns.updateOne({ _id: job, due: { $lte: now } }, { $set: next });
    if (moved.modifiedCount === 1) return true;
    if (moved.matchedCount === 1 || (await this.turns.countDocuments({ _id: job })) > 0) return false;
    try {
      await this.turns.insertOne({ _id: job, ...next });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Records a run, and forgets runs older than `keepDays` (one a period: a few thousand a year). */
  async recordRun(run: JobRun, keepDays = 90): Promise<void> {
    await this.runs.insertOne({ ...run });
    await this.runs.deleteMany({
      job: run.job,
      startedAt: { $lt: new Date(run.startedAt.getTime() - keepDays * 86_400_000) },
    });
  }
}
