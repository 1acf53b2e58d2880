/** Today's date in UTC as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A date's year, month and day; callers pass dates their schema checked, so a part missing is a bug. */
function dateParts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined)
    throw new Error(`internal error: not a YYYY-MM-DD date: "${date}"`);
  return { year, month, day };
}

/** Whole years from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function yearsBetween(from: string, to: string): number {
  const [f, t] = [dateParts(from), dateParts(to)];
  let years = t.year - f.year;
  if (t.month < f.month || (t.month === f.month && t.day < f.day)) years--;
  return years;
}

/** A YYYY-MM-DD date shifted by whole days (negative: earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
