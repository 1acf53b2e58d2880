import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { GOVERNORATES } from '../src/modules/common/governorates';
import type { LegacyRow } from '../src/modules/imports/format';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names';
import { seededRandom } from './random';

type Name = readonly [string, string];

/**
 * Writes an import file of the legacy register with `count` people: families of a father, a
 * mother and up to five children, parents before children, children linked to both by legacy
 * reference, as an Iraqi family book (the civil status register's family record) lists them, each
 * family on a page of the family register of its governorate's directorate.
 */
export async function writeLegacyFile(path: string, count: number, seed: string): Promise<void> {
  const random = seededRandom(`${seed}:legacy`);
  const out = createWriteStream(path);
  let written = 0;
  let family = 0;
  const write = async (row: LegacyRow) => {
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
    written++;
  };
  while (written < count) {
    family++;
    const governorate = random.pick(GOVERNORATES);
    const book = `${governorate.office}/${random.int(1950, 2005)}/${String(family).padStart(7, '0')}`;
    // The family's page of the family register (the 1957 census's, kept since): a thousand pages a register.
    const familyRegister = {
      directorate: governorate.office,
      register: 1 + Math.floor(family / 1000),
      page: 1 + (family % 1000),
    };
    const familyName = random.pick(FAMILY_NAMES);
    const grandfather = random.pick(MALE_NAMES);
    const fatherGiven = random.pick(MALE_NAMES);
    const place = { governorate: governorate.code };
    const person = (
      given: Name,
      father: Name,
      grandfatherName: Name,
      family: Name,
      sex: 'female' | 'male',
      born: string,
      entry: number,
      parents?: [string, string],
    ): LegacyRow => ({
      legacyReference: `${book}/${entry}`,
      name: {
        givenName: given[0],
        fatherName: father[0],
        grandfatherName: grandfatherName[0],
        familyName: family[0],
        latin: {
          givenName: given[1],
          fatherName: father[1],
          grandfatherName: grandfatherName[1],
          familyName: family[1],
        },
      },
      sex,
      dateOfBirth: born,
      placeOfBirth: place,
      familyRegister,
      ...(parents ? { motherLegacyReference: parents[0], fatherLegacyReference: parents[1] } : {}),
    });
    const fatherBorn = random.int(1940, 1980);
    const father = person(
      fatherGiven,
      grandfather,
      random.pick(MALE_NAMES),
      familyName,
      'male',
      random.date(fatherBorn, fatherBorn),
      1,
    );
    const motherBorn = fatherBorn + random.int(-2, 8);
    const mother = person(
      random.pick(FEMALE_NAMES),
      random.pick(MALE_NAMES),
      random.pick(MALE_NAMES),
      random.pick(FAMILY_NAMES),
      'female',
      random.date(motherBorn, motherBorn),
      2,
    );
    await write(father);
    if (written < count) await write(mother);
    const children = random.int(0, 5);
    const named = new Set<string>();
    for (let c = 0; c < children && written < count; c++) {
      const sex = random.int(0, 1) ? 'female' : 'male';
      const born = Math.min(2005, motherBorn + random.int(19, 40));
      let given = random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES);
      const birthday = random.date(born, born);
      // Siblings born the same day are twins, and twins are given two names (one name twice
      // would be the same child written twice, which the import refuses as a possible duplicate).
      while (named.has(`${given[0]} ${birthday}`)) given = random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES);
      named.add(`${given[0]} ${birthday}`);
      await write(
        person(given, fatherGiven, grandfather, familyName, sex, birthday, 3 + c, [
          mother.legacyReference,
          father.legacyReference,
        ]),
      );
    }
  }
  out.end();
  await once(out, 'finish');
}
