/**
 * The age groups of the vital statistics, as the UN Demographic Yearbook tabulates them; ages in
 * completed years (age at last birthday, the Yearbook's definition), `unknown` where none is known.
 *
 * Mothers: under 15, five-year groups 15-19 to 45-49, 50 and over (the Yearbook's table of live
 * births by age of mother and sex of child). The deceased: under 1 (infant deaths), 1-4, five-year
 * groups 5-9 to 80-84, 85 and over (its table of deaths by age and sex goes on in five-year groups
 * past 85: here they are one group, the governorates' monthly counts being small up there).
 */
export const MOTHER_AGE_GROUPS = [
  'under-15',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-plus',
  'unknown',
] as const;

export const DEATH_AGE_GROUPS = [
  'under-1',
  '1-4',
  ...Array.from({ length: 16 }, (_, i) => `${5 * (i + 1)}-${5 * (i + 1) + 4}`),
  '85-plus',
  'unknown',
] as const;

export type MotherAgeGroup = (typeof MOTHER_AGE_GROUPS)[number];

/** Five-year groups between `first` (the group below it: `below`) and `last` (the group above: `above`). */
function grouped(age: number | undefined, first: number, last: number, below: string, above: string): string {
  if (age === undefined || !Number.isInteger(age) || age < 0) return 'unknown';
  if (age < first) return below;
  if (age > last) return above;
  const from = first + 5 * Math.floor((age - first) / 5);
  return `${from}-${from + 4}`;
}

/** The mother's age group of an age at the birth. */
export const motherAgeGroup = (age: number | undefined): string => grouped(age, 15, 49, 'under-15', '50-plus');

/** The age group of an age at death. */
export function deathAgeGroup(age: number | undefined): string {
  if (age === 0) return 'under-1';
  if (age !== undefined && age >= 1 && age <= 4 && Number.isInteger(age)) return '1-4';
  return grouped(age, 5, 84, 'unknown', '85-plus');
}
