import { z } from '../../http/zod';

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'must be a month as YYYY-MM (a date YYYY-MM-DD stands for its month)')
  .transform((s) => s.slice(0, 7));

export const vitalQuery = z
  .object({
    from: month.optional().openapi({ description: 'First month counted (default: eleven months before `to`)', example: '2026-01' }),
    to: month.optional().openapi({ description: 'Last month counted (default: this month)', example: '2026-12' }),
    by: z.enum(['governorate', 'month']).default('governorate'),
  })
  .strict();

/** A count, or null when it is withheld (1 to 4, or one that would give a withheld count away). */
const count = z.number().int().nullable();

const counts = {
  births: z.object({ female: count, male: count, total: count }),
  deaths: z.object({
    total: count,
    byCause: z.array(z.object({ icd10Chapter: z.string(), title: z.string(), count })),
  }),
  marriages: count,
  divorces: count,
};

export const vitalView = z
  .object({
    from: z.string(),
    to: z.string(),
    by: z.enum(['governorate', 'month']),
    suppressedBelow: z.number().int(),
    rows: z.array(z.object({ governorate: z.string().optional(), month: z.string().optional(), ...counts })),
    total: z.object(counts),
  })
  .openapi('VitalStatistics');
