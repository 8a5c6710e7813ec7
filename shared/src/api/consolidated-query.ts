/** The query of GET /consolidated and GET /consolidated.xlsx, as the server parses it. */
import * as z from 'zod';
import { rankingKindSchema } from '../spec/schema';

const periodText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM');

export const consolidatedQuerySchema = z.object({
  template: z.string().min(1),
  subBranch: z.string().min(1),
  /** First day or month; today (Asia/Shanghai) when left out. */
  from: periodText.optional(),
  /** Last day or month; `from` when left out. */
  to: periodText.optional(),
  ranking: rankingKindSchema.optional(),
  /** `1` or `true`: the outlets' rows too. */
  rows: z.enum(['0', '1', 'true', 'false']).optional(),
});
export type ConsolidatedQuery = z.infer<typeof consolidatedQuerySchema>;
