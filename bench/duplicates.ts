/**
 * The births' duplicate rule measured on data nobody tuned: mothers and births drawn by the seed's
 * generator, then a second declaration of 200 of the births as a family or another office gives
 * it (names spelt another way, the date a few days off, one in four naming the mother by name).
 * Prints recall (flagged of the 200), false flags (honest declarations flagged) and the check's
 * cost. Runs on a database of its own (MONGODB_DB=bench-duplicates-<time>), on the configured engine.
 */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/open';
import { createLogger } from '../src/http/logging';
import { declareBirth } from '../src/modules/births/commands';
import { birthDuplicates } from '../src/modules/births/duplicates';
import { addDays } from '../src/modules/common/dates';
import { GOVERNORATES } from '../src/modules/common/governorates';
import { enrolPerson } from '../src/modules/persons/commands';
import type { PersonName } from '../src/modules/persons/store';
import { must } from '../src/lib/must';
import { createServices } from '../src/services';
import { FACILITIES, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from '../seed/names';
import { seededRandom } from '../seed/random';

const BIRTHS = Number(process.env.BENCH_DUP_BIRTHS ?? 2000);
const REPEATED = Number(process.env.BENCH_DUP_REPEATED ?? 200);
/** Batches of 50 declarations with the check on, and as many with it off. */
const ON_OFF_BATCHES = Number(process.env.BENCH_DUP_ON_OFF_BATCHES ?? 6);
const random = seededRandom(process.env.SEED ?? 'duplicates-bench');

/** Latin spellings a clerk may write for the same name. */
const LATIN_VARIANTS: Record<string, string> = {
  Mohammed: 'Muhammad',
  Hussein: 'Husain',
  Fatima: 'Fatimah',
  Zainab: 'Zeinab',
  Ali: 'Aly',
  Hassan: 'Hasan',
  Maryam: 'Mariam',
};

/** One spelling variation of an Arabic name part, as people write them: the forms the folding is meant to absorb. */
function vary(part: string): string {
  const variants = [
    (s: string) => s.replace(/[أإآ]/g, 'ا'),
    (s: string) => s.replace(/^ا/, 'أ'),
    (s: string) => s.replace(/ة$/, 'ه'),
    (s: string) => s.replace(/ي$/, 'ى'),
    (s: string) => s.replace(/^ال/, ''),
  ];
  return random.pick(variants)(part);
}

function variedName(name: PersonName): PersonName {
  const latin = name.latin;
  return {
    givenName: vary(name.givenName),
    fatherName: vary(name.fatherName),
    grandfatherName: vary(name.grandfatherName),
    ...(name.familyName ? { familyName: name.familyName.replace(/^ال/, '') } : {}),
    ...(latin ? { latin: { ...latin, givenName: LATIN_VARIANTS[latin.givenName] ?? latin.givenName } } : {}),
  };
}

async function main() {
  const config = loadConfig({ ...process.env, MONGODB_DB: `bench-duplicates-${Date.now()}` });
  const db = await openDatabase(config, (m) => process.stderr.write(`${m}\n`));
  try {
    const s = await createServices(db.conn, config, createLogger('warn'), { persistKeys: false });
    const registrar = { actor: { id: 'bench-registrar', role: 'registrar' as const, office: 'BGD' }, requestId: 'b' };
    const officer = {
      actor: { id: 'bench-officer', role: 'officer' as const, office: 'BGD' },
      requestId: 'b',
      office: 'BGD',
    };
    const person = (given: [string, string]): PersonName => {
      const [father, grandfather, family] = [
        random.pick(MALE_NAMES),
        random.pick(MALE_NAMES),
        random.pick(FAMILY_NAMES),
      ];
      return {
        givenName: given[0],
        fatherName: father[0],
        grandfatherName: grandfather[0],
        familyName: family[0],
        latin: { givenName: given[1], fatherName: father[1], grandfatherName: grandfather[1], familyName: family[1] },
      };
    };
    // Mothers: about one in three has two children in the registry, years apart, as families do.
    const mothers: { nin: string; name: PersonName; dateOfBirth: string }[] = [];
    for (let i = 0; i < Math.ceil(BIRTHS * 0.7); i++) {
      const input = {
        name: person(random.pick(FEMALE_NAMES)),
        sex: 'female' as const,
        dateOfBirth: random.date(1975, 2000),
        placeOfBirth: { governorate: random.pick(GOVERNORATES).code },
      };
      const p = await enrolPerson(s, registrar, input).catch(() => undefined); // a namesake born the same day: skip
      if (p) mothers.push({ nin: p._id, name: p.name, dateOfBirth: p.dateOfBirth });
    }
    type Declared = {
      id: string;
      mother: (typeof mothers)[number];
      child: { givenName: string; latin: string; sex: 'female' | 'male'; dateOfBirth: string; governorate: string };
    };
    const births: Declared[] = [];
    const started = Date.now();
    for (let i = 0; i < BIRTHS; i++) {
      const mother = must(mothers[i % mothers.length], 'a mother');
      const sex = random.int(0, 1) ? 'female' : 'male';
      const given = random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES);
      const child = {
        givenName: given[0],
        latin: given[1],
        sex,
        dateOfBirth: random.date(2018, 2025),
        governorate: random.pick(GOVERNORATES).code,
      } as const;
      const entry = await declareBirth(s, officer, {
        child: {
          givenName: child.givenName,
          latin: { givenName: child.latin },
          sex: child.sex,
          dateOfBirth: child.dateOfBirth,
          placeOfBirth: { governorate: child.governorate, facility: random.pick(FACILITIES) },
          fatherName: random.pick(MALE_NAMES)[0],
          grandfatherName: random.pick(MALE_NAMES)[0],
        },
        mother: { nin: mother.nin },
      });
      births.push({ id: entry.data.recordId, mother, child });
    }
    const perSecond = BIRTHS / ((Date.now() - started) / 1000);
    // The second declarations: 200 births picked at random, each declared again with variation.
    const picked = new Set<number>();
    while (picked.size < REPEATED) picked.add(random.int(0, births.length - 1));
    let recalled = 0;
    const checkTimes: number[] = [];
    for (const i of picked) {
      const b = must(births[i], 'a birth');
      const byName = random.int(1, 4) === 1;
      const shift = random.pick([-3, -2, -1, 1, 2, 3]);
      const facts = {
        child: {
          givenName: vary(b.child.givenName),
          latin: { givenName: LATIN_VARIANTS[b.child.latin] ?? b.child.latin },
          sex: b.child.sex,
          dateOfBirth: addDays(b.child.dateOfBirth, shift),
          placeOfBirth: { governorate: b.child.governorate },
          fatherName: random.pick(MALE_NAMES)[0],
          grandfatherName: random.pick(MALE_NAMES)[0],
        },
        mother: byName ? { name: variedName(b.mother.name), dateOfBirth: b.mother.dateOfBirth } : { nin: b.mother.nin },
      };
      const t0 = process.hrtime.bigint();
      const entry = await declareBirth(s, officer, facts);
      checkTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const record = await s.records.get(entry.data.recordId);
      if (record?.duplicates?.some((d) => d.recordId === b.id)) recalled++;
    }
    // Honest declarations flagged: of the first 2,000 (each declared once), those with candidates.
    const honest = await s.records.existing(births.map((b) => b.id));
    const falseFlags = honest.filter((r) => (r.duplicates?.length ?? 0) > 0).length;
    // The check alone, as a declaration runs it, on the registry as it now is.
    const probeTimes: number[] = [];
    for (const b of births.slice(0, 200)) {
      const record = must((await s.records.get(b.id)) ?? undefined, 'a record');
      const t0 = process.hrtime.bigint();
      await birthDuplicates(s, 'r_probe', record.data as Parameters<typeof birthDuplicates>[2]);
      probeTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    // Declarations with the check on and off, in alternate batches of 50 (the same load on the
    // engine for both): off, the lookups find nothing (the keys are still filed, as the projector
    // files them). New births, before the others (2016-2017; the youngest mothers are 16 then), so hardly any is a duplicate.
    const noLookups = Object.create(s.duplicateKeys) as typeof s.duplicateKeys;
    noLookups.list = async () => [];
    const withoutCheck = { ...s, duplicateKeys: noLookups };
    const elapsed = { on: 0, off: 0 };
    const counted = { on: 0, off: 0 };
    for (let batch = 0; batch < ON_OFF_BATCHES * 2; batch++) {
      const mode = batch % 2 === 0 ? 'on' : 'off';
      const t0 = Date.now();
      for (let i = 0; i < 50; i++) {
        const mother = must(mothers[(batch * 50 + i) % mothers.length], 'a mother');
        await declareBirth(mode === 'on' ? s : withoutCheck, officer, {
          child: {
            givenName: random.pick(MALE_NAMES)[0],
            sex: 'male',
            dateOfBirth: random.date(2016, 2017),
            placeOfBirth: { governorate: random.pick(GOVERNORATES).code },
            fatherName: random.pick(MALE_NAMES)[0],
            grandfatherName: random.pick(MALE_NAMES)[0],
          },
          mother: { nin: mother.nin },
        });
      }
      elapsed[mode] += Date.now() - t0;
      counted[mode] += 50;
    }
    const onRate = counted.on / (elapsed.on / 1000);
    const offRate = counted.off / (elapsed.off / 1000);
    const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(58)} ${value}\n`);
    line('births declared (each once), mothers', `${BIRTHS}, ${mothers.length}`);
    line('second declarations with variation', `${REPEATED} (one in four naming the mother by name)`);
    line(
      'recall: second declarations flagged with their first',
      `${recalled} of ${REPEATED} = ${(recalled / REPEATED).toFixed(3)}`,
    );
    line(
      'false flags: honest declarations flagged',
      `${falseFlags} of ${BIRTHS} = ${((100 * falseFlags) / BIRTHS).toFixed(2)}%`,
    );
    line('births declared per second (check on), one client', perSecond.toFixed(1));
    line(
      `declared per second, check on / off (${counted.on} each, batches of 50)`,
      `${onRate.toFixed(1)} / ${offRate.toFixed(1)} = ${(onRate / offRate).toFixed(2)} (target >= 0.80)`,
    );
    line('a second declaration, p50 (ms)', p50(checkTimes).toFixed(1));
    line('the duplicate check alone, p50 (ms)', p50(probeTimes).toFixed(2));
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
