import type { CommandContext } from '../src/journal/types';
import { declareDeath } from '../src/modules/deaths/commands';
import { declareDivorce } from '../src/modules/divorces/commands';
import { declareMarriage } from '../src/modules/marriages/commands';
import { registerRecord } from '../src/modules/records/commands';
import type { Services } from '../src/services';
import type { seededRandom } from './random';
import { timelinessOf } from '../src/modules/civil-status/timeliness';
import { today } from '../src/modules/common/dates';

type Random = ReturnType<typeof seededRandom>;
type Staff = { officer: CommandContext & { office: string }; registrar: CommandContext };

export interface Couple {
  wife: { nin: string; dateOfBirth: string };
  husband: { nin: string; dateOfBirth: string };
  governorate: string;
}

/**
 * Causes of death in rough proportion to Iraq's leading causes (WHO Global Health Estimates):
 * heart disease and stroke first, then diabetes, cancers, kidney disease, road injuries.
 */
const CAUSES: readonly [string, string, 'disease' | 'accident'][] = [
  ['I21.9', 'Acute myocardial infarction', 'disease'],
  ['I21.9', 'Acute myocardial infarction', 'disease'],
  ['I25.1', 'Atherosclerotic heart disease', 'disease'],
  ['I25.1', 'Atherosclerotic heart disease', 'disease'],
  ['I63.9', 'Cerebral infarction', 'disease'],
  ['I10', 'Essential hypertension', 'disease'],
  ['E11.9', 'Type 2 diabetes mellitus', 'disease'],
  ['C34.9', 'Malignant neoplasm of bronchus and lung', 'disease'],
  ['C50.9', 'Malignant neoplasm of breast', 'disease'],
  ['N18.9', 'Chronic kidney disease', 'disease'],
  ['J44.9', 'Chronic obstructive pulmonary disease', 'disease'],
  ['U07.1', 'COVID-19, virus identified', 'disease'],
  ['K74.6', 'Cirrhosis of liver', 'disease'],
  ['V89.2', 'Road traffic accident', 'accident'],
];

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Declared by the officer, registered by the registrar (four eyes). */
async function declareAndRegister(
  s: Services,
  staff: Staff,
  declare: () => Promise<{ data: { recordId: string } }>,
): Promise<string> {
  const { data } = await declare();
  await registerRecord(s, staff.registrar, data.recordId);
  return data.recordId;
}

/** Each couple married: at an age the law allows both, by `latestYear` where their ages allow. Returns the marriages' record ids. */
export async function marry(
  s: Services,
  random: Random,
  staff: Staff,
  couples: readonly Couple[],
  latestYear = 2019,
): Promise<string[]> {
  const ids: string[] = [];
  for (const c of couples) {
    const adult = Math.max(yearOf(c.wife.dateOfBirth), yearOf(c.husband.dateOfBirth)) + 19;
    // From the year both turn 19, by `latestYear` where their ages allow.
    const year = Math.max(adult, Math.min(random.int(adult, adult + 6), latestYear));
    const dateOfMarriage = random.date(year, year);
    ids.push(
      await declareAndRegister(s, staff, () =>
        declareMarriage(s, staff.officer, {
          partyA: { nin: c.husband.nin },
          partyB: { nin: c.wife.nin },
          dateOfMarriage,
          placeOfMarriage: { governorate: c.governorate, facility: 'Personal Status Court' },
        }),
      ),
    );
  }
  return ids;
}

/** Divorces of some marriages, in 2024 and 2025 (about one for four marriages, as Iraq's courts report). */
export async function divorce(
  s: Services,
  random: Random,
  staff: Staff,
  marriages: readonly { marriageId: string; governorate: string }[],
): Promise<number> {
  const types = ['talaq', 'khula', 'judicial-separation', 'mutual-consent'] as const;
  for (const [i, { marriageId, governorate }] of marriages.entries()) {
    await declareAndRegister(s, staff, () =>
      declareDivorce(s, staff.officer, {
        marriageId,
        dateOfDivorce: random.date(2024, 2025),
        courtReference: `PS-2025/${1000 + i}`,
        divorceType: random.pick(types),
        placeOfDivorce: { governorate },
      }),
    );
  }
  return marriages.length;
}

/**
 * The seed enters the registry's past today: an event more than a year old is, in law, a delayed
 * registration, which the court ordered (a reference of the seed's), so that it registers.
 */
export function courtOrderIfDelayed(
  s: Pick<Services, 'law'>,
  deadline: 'birth' | 'death',
  eventDate: string,
  tag: string,
): { courtReference?: string } {
  const timeliness = timelinessOf({ deadline, eventDate, inHealthFacility: true }, today(), s.law);
  return timeliness === 'delayed' ? { courtReference: `SEED-PS/${eventDate.slice(0, 4)}/${tag}` } : {};
}

/** One spouse of each couple dies in 2020-2025 of a plausible cause; the other is widowed. */
export async function bereave(s: Services, random: Random, staff: Staff, couples: readonly Couple[]): Promise<number> {
  for (const [i, c] of couples.entries()) {
    const deceased = random.int(0, 2) === 0 ? c.wife : c.husband;
    const [icd10, text, manner] = random.pick(CAUSES);
    const dateOfDeath = random.date(2020, 2025);
    await declareAndRegister(s, staff, () =>
      declareDeath(s, staff.officer, {
        deceased: { nin: deceased.nin },
        dateOfDeath,
        ...courtOrderIfDelayed(s, 'death', dateOfDeath, `D${i}`),
        placeOfDeath: { governorate: c.governorate, facility: 'Medical City' },
        usualResidence: { governorate: c.governorate },
        causeOfDeath: { icd10, text },
        mannerOfDeath: manner,
        certifier: { type: 'physician', name: 'Dr. Huda Salim' },
        informant: { relationship: 'spouse', nin: (deceased === c.wife ? c.husband : c.wife).nin },
      }),
    );
  }
  return couples.length;
}
