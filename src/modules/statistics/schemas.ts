import { z } from '../../http/zod';
import type { VitalTable } from '../records/tally';

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
