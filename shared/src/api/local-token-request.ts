/** POST /local/token (local stack only): a token for a role and scope, answered as `{ token }`. */
import * as z from '../zod';
import { roleSchema } from './caller-claims';

export const localTokenRequestSchema = z.object({
  role: roleSchema,
  subBranch: z.string().min(1).optional(),
  outlet: z.string().min(1).optional(),
  /** Display name (the pane shows it as 填报人). */
  name: z.string().min(1).max(40).optional(),
});
export type LocalTokenRequest = z.infer<typeof localTokenRequestSchema>;

export interface LocalTokenAnswer {
  token: string;
}

export const localTokenAnswerSchema: z.ZodType<LocalTokenAnswer> = z.object({ token: z.string().min(1) });
