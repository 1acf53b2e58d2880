import { z } from '../../http/zod';
import { ATTENDANTS } from '../common/schemas';
import type { VitalTable } from '../records/tally';
import { DEATH_AGE_GROUPS, MOTHER_AGE_GROUPS } from './ages';

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'must be a month as YYYY-MM (a date YYYY-MM-DD stands for its month)')
  .transform((s) => s.slice(0, 7));

export const vitalQuery = z
  .object({
    from: month.optional().openapi({
      description: 'First month of a calendar month, quarter or year (with `to`; default: this calendar year)',
      example: '2026-01',
    }),
    to: month
      .optional()
      .openapi({ description: 'Last month of the same month, quarter or year (with `from`)', example: '2026-12' }),
    by: z.enum(['governorate', 'month']).default('governorate'),
  })
  .strict();

/** A count, or null when it is withheld (1 to 4, or one that sums of published counts would give a withheld count away with). */
const count = z.number().int().nullable();

/** The published counts of a table, by its shape (as shapes.ts presents them). */
const SHAPE_VIEWS: Record<VitalTable['shape'], () => z.ZodType> = {
  count: () => count,
  'by-sex': () => z.object({ female: count, male: count, total: count }),
  'by-timeliness': () => z.object({ onTime: count, late: count, delayed: count, total: count }),
  'by-cause': () =>
    z.object({
      total: count,
      // All 22 chapters, always: a chapter listed only when it had deaths would say that one occurred.
      byCause: z.array(z.object({ icd10Chapter: z.string(), title: z.string(), count })),
    }),
  // Every age group, always, in order; each sex's total is the main table's (births by sex).
  'by-sex-and-mother-age': () =>
    z.array(z.object({ ageGroup: z.enum(MOTHER_AGE_GROUPS), female: count, male: count })).openapi({
      description:
        "Live births by age of the mother (completed years at the birth) and sex of the child; the total is births'",
    }),
  'by-attendant': () =>
    z
      .object({ ...Object.fromEntries(ATTENDANTS.map((a) => [a, count])), notStated: count })
      .openapi({ description: "Live births by attendant at birth; the total is births'" }),
  'by-age-and-sex': () =>
    z
      .object({
        female: count,
        male: count,
        /** Deaths whose sex and age were not kept (registered before they were). */
        notStated: count,
        byAge: z.array(
          z.object({
            ageGroup: z.enum(DEATH_AGE_GROUPS as unknown as [string, ...string[]]),
            female: count,
            male: count,
          }),
        ),
      })
      .openapi({ description: "Deaths by sex and age (completed years at death); the total is deaths'" }),
};

/** The answer about the tables given: each row and the total list every table under its name, in their order. */
export function vitalView(tables: readonly VitalTable[]) {
  const counts = Object.fromEntries(tables.map((t) => [t.name, SHAPE_VIEWS[t.shape]()]));
  return z
    .object({
      from: z.string(),
      to: z.string(),
      by: z.enum(['governorate', 'month']),
      suppressedBelow: z.number().int(),
      rows: z.array(z.object({ governorate: z.string().optional(), month: z.string().optional(), ...counts })),
      total: z.object(counts),
    })
    .openapi('VitalStatistics');
}
