/** The body of every error answer of the HTTP API (contract.md, "HTTP API"). */
import * as z from '../zod';
import { findingSchema } from '../findings/finding-schema';
import type { Finding } from '../findings/types';

export interface ApiErrorBody {
  /** Stable kebab-case code (`forbidden`, `bad-period`, `sheet-has-errors`). */
  code: string;
  message_zh: string;
  message_en: string;
  /** With 422 (a sheet with errors): the findings, as `validate --json` prints them. */
  findings?: Finding[];
}

/** What the pane accepts as an error answer. */
export const apiErrorBodySchema: z.ZodType<ApiErrorBody> = z.object({
  code: z.string(),
  message_zh: z.string(),
  message_en: z.string(),
  findings: z.array(findingSchema).optional(),
});
