/** GET /consolidated: the ranked summary of `pts summary --json`, with rows and duplicate customers on request (`rows=1`). */
import * as z from '../zod';
import { findingSchema } from '../findings/finding-schema';
import type { Finding } from '../findings/types';
import { consolidatedSummarySchema, type ConsolidatedSummary } from '../summary/consolidated-summary';
import type { TypedRow } from '../validation/types';
import { typedRowSchema } from './submission-view';

/** The current rows of one outlet for one period. */
export interface OutletRows {
  outlet: string;
  period: string;
  version: number;
  /** Phone numbers masked, except an outlet head's own rows. */
  rows: TypedRow[];
}

/** A row whose customer (same phone) also stands in another outlet's rows of the campaign. */
export interface DuplicateCustomer {
  outlet: string;
  period: string;
  /** A `duplicate-customer` finding at the row's phone cell, the phone masked. */
  finding: Finding;
}

export interface ConsolidatedView extends ConsolidatedSummary {
  /** With `rows=1`: an outlet head sees only its own. */
  rows?: OutletRows[];
  /** With `rows=1`, for managers and auditors; left out when there are none. */
  duplicates?: DuplicateCustomer[];
}

/** The answer to GET /consolidated, as the pane parses it. */
export const consolidatedViewSchema: z.ZodType<ConsolidatedView> = consolidatedSummarySchema.extend({
  rows: z.array(z.object({ outlet: z.string(), period: z.string(), version: z.number(), rows: z.array(typedRowSchema) })).optional(),
  duplicates: z.array(z.object({ outlet: z.string(), period: z.string(), finding: findingSchema })).optional(),
});
