import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/open';
import { createLogger } from '../src/http/logging';
import type { CommandContext } from '../src/journal/types';
import { declareBirth } from '../src/modules/births/commands';
import { GOVERNORATES, KURDISTAN_REGION_GOVERNORATES } from '../src/modules/common/governorates';
import type { PersonName } from '../src/modules/persons/store';
import { enrolPerson } from '../src/modules/persons/commands';
import { registerRecord } from '../src/modules/records/commands';
import { createUser } from '../src/modules/users/commands';
import { createOffice, officeExists } from '../src/modules/offices/commands';
import { createServices, type Services } from '../src/services';
import { FACILITIES, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names';
import { must } from '../src/lib/must';
import { writeLegacyFile } from './legacy-file';
import { seededRandom } from './random';
import { bereave, courtOrderIfDelayed, divorce, marry, type Couple } from './civil-status';
import { officeWork } from './office-work';
import { sectoralDemo } from './sectoral';

/** Demo accounts; the passwords are for demonstration only and printed on purpose. */
const DEMO_USERS = [
  { username: 'admin', password: 'Ziggurat of Ur 2026', role: 'admin', office: 'BGD' },
  { username: 'officer', password: 'Hanging gardens 2026', role: 'officer', office: 'BGD' },
  { username: 'registrar', password: 'Tigris at dawn 2026', role: 'registrar', office: 'BGD' },
  // A second registrar of the same office, for four eyes: a registrar acts on their own office's records only.
  { username: 'registrar2', password: 'Euphrates at dusk 2026', role: 'registrar', office: 'BGD' },
  { username: 'registrar.basra', password: 'Shatt al-Arab at noon 2026', role: 'registrar', office: 'BSR' },
  // Of the Kurdistan Region: the certificates of Erbil's records speak Arabic and Kurdish by default.
  { username: 'registrar.erbil', password: 'Citadel of Erbil 2026', role: 'registrar', office: 'ERB' },
  { username: 'national', password: 'Assyrian winged bull 2026', role: 'national-registrar', office: 'BGD' },
  { username: 'auditor', password: 'Samarra minaret 2026', role: 'auditor', office: 'BGD' },
  // The counter of a community service centre: look-ups, certificates and activation codes.
  { username: 'clerk', password: 'Mutanabbi street books 2026', role: 'service-clerk', office: 'KPC' },
  { username: 'clerk.sulaymaniyah', password: 'Azmar mountain snow 2026', role: 'service-clerk', office: 'SYC' },
] as const;

/** Two community service centres, in a post office and a youth centre, as the e-governance strategy plans them. */
const DEMO_CENTRES = [
  { code: 'KPC', name: 'Karkh post office service centre', governorate: 'IQ-BG', type: 'community-service-centre' },
  {
    code: 'SYC',
    name: 'Sulaymaniyah youth centre service counter',
    governorate: 'IQ-SU',
    type: 'community-service-centre',
  },
] as const;

/** A page of a governorate's family register (directorate: its main office's code, then CS), 50 pages a register. */
function familyPage(governorate: string, n: number) {
  const office = GOVERNORATES.find((g) => g.code === governorate)?.office ?? 'BGD';
  return { directorate: `${office}-CS`, register: 100 + Math.floor(n / 50), page: (n % 50) + 1 };
}

/** The office that declares a seeded birth: the region's own main office in the Kurdistan Region, else Baghdad's. */
function regionalOffice(governorate: string): string {
  if (!KURDISTAN_REGION_GOVERNORATES.includes(governorate)) return 'BGD';
  return GOVERNORATES.find((g) => g.code === governorate)?.office ?? 'BGD';
}

/** Who attended the seed's births, in turn: eight physicians, a midwife and a nurse in ten. */
const SEED_ATTENDANTS = [...Array<'physician'>(8).fill('physician'), 'midwife', 'nurse'] as const;

const SYSTEM: CommandContext = { actor: { id: 'seed', role: 'system' }, requestId: 'seed' };

async function seed(services: Services, seedValue: string, couples: number, births: number, elders: number) {
  const random = seededRandom(seedValue);
  for (const c of DEMO_CENTRES)
    if (!(await officeExists(services.offices, c.code))) await createOffice(services, SYSTEM, c);
  for (const u of DEMO_USERS) {
    if (!(await services.models.users.exists({ username: u.username }))) await createUser(services, SYSTEM, u);
  }
  if ((await services.persons.collection.estimatedDocumentCount()) > 0) {
    process.stdout.write('persons already present: skipping people and births (drop the data folder to seed again)\n');
    return;
  }
  const officer = { actor: { id: 'seed-officer', role: 'officer' as const, office: 'BGD' }, requestId: 'seed' };
  const registrar = { actor: { id: 'seed-registrar', role: 'registrar' as const, office: 'BGD' }, requestId: 'seed' };
  const name = (given: [string, string], family: [string, string]): PersonName => {
    const father = random.pick(MALE_NAMES);
    const grandfather = random.pick(MALE_NAMES);
    return {
      givenName: given[0],
      fatherName: father[0],
      grandfatherName: grandfather[0],
      familyName: family[0],
      latin: { givenName: given[1], fatherName: father[1], grandfatherName: grandfather[1], familyName: family[1] },
    };
  };
  const parents: (Couple & { mother: string; father: string; motherName: PersonName; motherDob: string })[] = [];
  for (let i = 0; i < couples; i++) {
    const governorate = random.pick(GOVERNORATES).code;
    const husbandFamily = random.pick(FAMILY_NAMES);
    const mother = await enrolPerson(services, registrar, {
      name: name(random.pick(FEMALE_NAMES), random.pick(FAMILY_NAMES)),
      sex: 'female',
      dateOfBirth: random.date(1975, 2000),
      placeOfBirth: { governorate },
      legacyReference: `LEG/${i}/M`,
      // Her entry in the family register (her father's page, since the 1957 census), as the legacy register holds it.
      familyRegister: familyPage(governorate, 2 * i),
    });
    const father = await enrolPerson(services, registrar, {
      name: name(random.pick(MALE_NAMES), husbandFamily),
      sex: 'male',
      dateOfBirth: random.date(1970, 1996),
      placeOfBirth: { governorate },
      legacyReference: `LEG/${i}/F`,
      // His page, which his registered children join.
      familyRegister: familyPage(governorate, 2 * i + 1),
    });
    parents.push({
      mother: mother._id,
      father: father._id,
      motherName: mother.name,
      motherDob: mother.dateOfBirth,
      governorate,
      wife: { nin: mother._id, dateOfBirth: mother.dateOfBirth },
      husband: { nin: father._id, dateOfBirth: father.dateOfBirth },
    });
  }
  const staff = { officer: { ...officer, office: 'BGD' }, registrar };
  // The parents married before their children were born; about one marriage in four ends in divorce.
  const marriages = await marry(services, random, staff, parents, 2018);
  process.stdout.write(`  ${marriages.length} marriages registered\n`);
  for (let i = 0; i < births; i++) {
    const p = must(parents[i % parents.length], 'a couple to be parents');
    const sex = random.int(0, 1) ? 'female' : 'male';
    const given = random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES);
    const dateOfBirth = random.date(2019, 2025);
    // A birth in the Kurdistan Region is declared and registered by its governorate's main office
    // (Erbil, Sulaymaniyah, Duhok): its certificates speak Arabic and Kurdish by default.
    const office = regionalOffice(p.governorate);
    const entry = await declareBirth(
      services,
      { ...officer, office },
      {
        child: {
          givenName: given[0],
          latin: { givenName: given[1] },
          sex,
          dateOfBirth,
          placeOfBirth: { governorate: p.governorate, facility: random.pick(FACILITIES) },
          placeOfBirthType: 'hospital',
        },
        mother: { nin: p.mother },
        father: { nin: p.father },
        informant: { relationship: 'health-facility' },
        // Mostly physicians, some midwives and nurses (by the index: the random sequence, and so the demo data, stay as they were).
        attendant: SEED_ATTENDANTS[i % SEED_ATTENDANTS.length],
        ...courtOrderIfDelayed(services, 'birth', dateOfBirth, `B${i}`),
      },
    );
    // A birth the duplicate rule flags (a sibling born days apart, of the same name) waits for its review.
    const flagged = (await services.records.get(entry.data.recordId))?.flags?.includes('possible-duplicate');
    if (!flagged)
      await registerRecord(services, { ...registrar, actor: { ...registrar.actor, office } }, entry.data.recordId);
    if ((i + 1) % 200 === 0) process.stdout.write(`  ${i + 1} births declared\n`);
  }
  const divorcing = marriages
    .map((marriageId, i) => ({ marriageId, governorate: must(parents[i], 'the couple of a marriage').governorate }))
    .filter((_, i) => i % 4 === 3);
  const divorces = await divorce(services, random, staff, divorcing);
  // Older couples, married long ago, of whom one has died since 2020: deaths and widowhood.
  const olderCouples: Couple[] = [];
  for (let i = 0; i < elders; i++) {
    const governorate = random.pick(GOVERNORATES).code;
    const family = random.pick(FAMILY_NAMES);
    const enrol = (sex: 'female' | 'male', from: number, to: number, tag: string) =>
      enrolPerson(services, registrar, {
        name: name(random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES), family),
        sex,
        dateOfBirth: random.date(from, to),
        placeOfBirth: { governorate },
        legacyReference: `LEG/E${i}/${tag}`,
      });
    const [wife, husband] = [await enrol('female', 1938, 1958, 'W'), await enrol('male', 1935, 1955, 'H')];
    olderCouples.push({
      governorate,
      wife: { nin: wife._id, dateOfBirth: wife.dateOfBirth },
      husband: { nin: husband._id, dateOfBirth: husband.dateOfBirth },
    });
  }
  await marry(services, random, staff, olderCouples, 1985);
  const deaths = await bereave(services, random, staff, olderCouples);
  await officeWork(services, staff, parents);
  const first = must(parents[0], 'a couple');
  const kurdish = parents.find((p) => KURDISTAN_REGION_GOVERNORATES.includes(p.governorate));
  const ministry = await sectoralDemo(services, { ...first, ...(kurdish ? { kurdistan: kurdish.father } : {}) });
  process.stdout.write(
    `  the Ministry of Education's client (certificates:issue, with the consent of ${first.mother}): ${ministry.clientId} ${ministry.clientSecret}\n`,
  );
  process.stdout.write('  civil-status extracts printed at BGD and at the Sulaymaniyah youth centre (SYC)\n');
  process.stdout.write(
    "  the office BGD's work queues: records to register, to complete, to fix, to review and to print\n",
  );
  process.stdout.write(
    `enrolled ${couples * 2 + elders * 2} people; registered ${births} births, ${marriages.length + elders} marriages, ${divorces} divorces, ${deaths} deaths\n`,
  );
}

async function main() {
  const config = loadConfig();
  const seedValue = process.env.SEED ?? 'civil-registry-demo';
  // `npm run seed -- --legacy-file N [PATH]`: only write an import file of the legacy register.
  const legacy = process.argv.indexOf('--legacy-file');
  if (legacy >= 0) {
    const count = Number(process.argv[legacy + 1]);
    if (!Number.isInteger(count) || count < 1) throw new Error('usage: npm run seed -- --legacy-file N [PATH]');
    const path = process.argv[legacy + 2] ?? `legacy-${count}.ndjson`;
    await writeLegacyFile(path, count, seedValue);
    process.stdout.write(
      `wrote ${count} people of the legacy register to ${path}; import it with: npm run import -- ${path}\n`,
    );
    return;
  }
  const couples = Number(process.env.SEED_COUPLES ?? 500);
  const births = Number(process.env.SEED_BIRTHS ?? 1000);
  // Deaths in about the proportion of Iraq's crude death rate (about 5 per 1,000) to its birth rate (about 28).
  const elders = Number(process.env.SEED_ELDERS ?? 170);
  const db = await openDatabase(config, (m) => process.stdout.write(`${m}\n`));
  try {
    const services = await createServices(db.conn, config, createLogger('warn'), { persistKeys: true });
    process.stdout.write(`seeding database ${config.MONGODB_DB} with seed "${seedValue}"\n`);
    await seed(services, seedValue, couples, births, elders);
  } finally {
    await db.close();
  }
  process.stdout.write('\nDemo accounts (demonstration only):\n');
  for (const u of DEMO_USERS)
    process.stdout.write(`  ${u.role.padEnd(18)} ${u.username.padEnd(15)} ${u.password}   office ${u.office}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
