import { addDays, daysBetween } from '../common/dates';
import { arabicNameKey } from '../persons/normalise';

/**
 * Duplicate keys: short strings a record or a person is filed under so that a possible duplicate
 * is found by one indexed equality per key, never by a scan. Names in them are folded as identity
 * verification folds them (`arabicNameKey`: alef and hamza forms, ta marbuta, alef maqsura,
 * Kurdish letters, spaces) and, for duplicates only, without the article ال at the start of a
 * part, since a second declaration often drops it (الربيعي, ربيعي).
 */
export function foldedNamePart(text: string | undefined): string {
  return text === undefined ? '' : arabicNameKey(text).replace(/^ال(?=..)/u, '');
}

/** A person's names as a key: given, father's and grandfather's names folded (the family name is often left out). */
export function foldedNames(name: { givenName?: string; fatherName?: string; grandfatherName?: string }): string {
  return [name.givenName, name.fatherName, name.grandfatherName].map(foldedNamePart).join('.');
}

/** The full name with the family name, for the enrolment's rule. */
export function foldedFullName(name: {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName?: string;
}): string {
  return `${foldedNames(name)}.${foldedNamePart(name.familyName)}`;
}

/** The month of a date, YYYY-MM. */
export const monthOf = (date: string) => date.slice(0, 7);

/**
 * The months a window of `days` either side of a date touches: the keys to look up so that a
 * window across a month's end finds what is filed under the next or the previous month.
 */
export function monthsAround(date: string, days: number): string[] {
  return [...new Set([monthOf(addDays(date, -days)), monthOf(date), monthOf(addDays(date, days))])];
}

/** The years a window of `days` either side of a date touches, as YYYY. */
export function yearsAround(date: string, days: number): string[] {
  return [...new Set([addDays(date, -days), date, addDays(date, days)].map((d) => d.slice(0, 4)))];
}

/** Whether two dates are at most `days` apart. */
export const withinDays = (a: string, b: string, days: number) => Math.abs(daysBetween(a, b)) <= days;

/** The key an enrolled person is filed under: the same folded full name, sex and date of birth is the same person. */
export const personKey = (p: {
  name: { givenName: string; fatherName: string; grandfatherName: string; familyName?: string };
  sex: string;
  dateOfBirth: string;
}) => `${foldedFullName(p.name)}/${p.sex}/${p.dateOfBirth}`;
