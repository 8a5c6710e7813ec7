import * as z from '../zod';
import type { Finding } from './types';

/** A finding as the API sends it (validate --json's shape); tied to the `Finding` type. */
export const findingSchema: z.ZodType<Finding> = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'notice']),
  address: z.string(),
  row: z.number().optional(),
  column: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  message_zh: z.string(),
  message_en: z.string(),
  note: z.string().optional(),
  fix: z.union([z.string(), z.number(), z.null()]),
});
