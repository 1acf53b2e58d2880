import { MongoClient } from 'mongodb';
import { ProjectionStore } from '../src/db/store';
import { foldedNames, monthsAround } from '../src/modules/duplicates/keys';
import { checkDuplicates } from '../src/modules/duplicates/lookup';
import { DUPLICATE_KEY_INDEXES, type DuplicateKey } from '../src/modules/duplicates/store';
import { RECORD_INDEXES, type CivilRecord } from '../src/modules/records/store';
import { FEMALE_NAMES, MALE_NAMES } from '../seed/names';
import { seededRandom } from '../seed/random';
import { benchEngine } from './support';

/**
 * `node dist/bench/duplicate-scale.js`: the duplicate check's cost at 10,000 and 1,000,000
 * declarations on file (BENCH_DUPLICATE_SCALES). The keys are filed as the births' rule files
 * them (a mother's folded names and the month of the birth), the mothers drawn with a skew from
 * the seed's names (common names are common), births at a fixed 30,000 a month (Iraq's is about
 * 100,000: one office's share of it), so a larger registry is a longer one, as it is in life.
 * Each check is the births' lookups (the months a 5-day window touches) and the `_id $in` read of
 * what they found, timed 300 times; the records themselves are not filed (the read finds the ids only).
 */
const SCALES = (process.env.BENCH_DUPLICATE_SCALES ?? '10000,1000000').split(',').map(Number);
const PER_MONTH = 30_000;
const CHECKS = 300;

async function main() {
  const { engine } = await benchEngine();
  const client = await MongoClient.connect(engine.uri);
  const rows: string[] = [];
  try {
    for (const size of SCALES) {
      const random = seededRandom(`duplicates-${size}`);
      const unit = () => random.int(0, 999_999) / 1_000_000;
      // A skewed draw: index r² of the list, so the first names are far more often drawn.
      const skewed = <T>(list: readonly T[]) => list[Math.floor(list.length * unit() ** 2)] as T;
      const mother = () =>
        foldedNames({
          givenName: skewed(FEMALE_NAMES)[0],
          fatherName: skewed(MALE_NAMES)[0],
          grandfatherName: skewed(MALE_NAMES)[0],
        });
      const monthOfBirth = (i: number) => {
        const m = Math.floor(i / PER_MONTH);
        return `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      };
      const db = client.db(`dupscale_${size}_${Date.now()}`);
      const keys = new ProjectionStore<DuplicateKey>(db, 'duplicate_keys', DUPLICATE_KEY_INDEXES);
      const records = new ProjectionStore<CivilRecord>(db, 'records', RECORD_INDEXES);
      await keys.init();
      await records.init();
      const started = performance.now();
      for (let i = 0; i < size; i += 5000) {
        const batch: DuplicateKey[] = [];
        for (let j = i; j < Math.min(size, i + 5000); j++) {
          const key = `B/mname:${mother()}/${monthOfBirth(j)}`;
          batch.push({ _id: `${key} r_${j}`, key, recordId: `r_${j}`, seq: j + 1 });
        }
        await keys.collection.insertMany(batch);
      }
      const filed = (performance.now() - started) / 1000;
      const last = monthOfBirth(size - 1);
      const times: number[] = [];
      for (let c = 0; c < CHECKS; c++) {
        const names = mother();
        const day = `${last}-${String(1 + Math.floor(unit() * 28)).padStart(2, '0')}`;
        const under = (month: string) => [`B/mname:${names}/${month}`];
        const t = performance.now();
        await checkDuplicates({ duplicateKeys: keys, records }, 'r_probe', {
          kind: 'birth',
          keys: under(last),
          lookups: monthsAround(day, 5).flatMap(under),
          compare: () => undefined,
        });
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
      rows.push(
        `${String(size).padStart(9)} declarations on file (filed in ${filed.toFixed(0)} s): the check p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
      );
      console.error(rows.at(-1));
      await db.dropDatabase();
    }
  } finally {
    await client.close();
    await engine.stop();
  }
  console.log("\nthe duplicate check at scale (births: a mother's folded names and the month)");
  for (const row of rows) console.log(row);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
