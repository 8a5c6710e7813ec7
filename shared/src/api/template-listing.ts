/** GET /templates: the templates any signed-in user may download. */
import * as z from '../zod';
import type { TemplateSpec } from '../spec/schema';

export interface TemplateListing {
  id: string;
  title: string;
  sheetName: string;
  period: TemplateSpec['period'];
  /** The version GET /templates/{id}/{version}.xlsx gives by default. */
  current: number;
  /** All versions, ascending. */
  versions: number[];
}

export interface TemplateList {
  templates: TemplateListing[];
}

/** The answer to GET /templates, as the pane parses it. */
export const templateListSchema: z.ZodType<TemplateList> = z.object({
  templates: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      sheetName: z.string(),
      period: z.enum(['day', 'month']),
      current: z.number(),
      versions: z.array(z.number()),
    }),
  ),
});

/** PUT /templates/{id}/{version}: the version issued, and the one now current. */
export interface PublishedTemplate {
  id: string;
  version: number;
  current: number;
}

export const publishedTemplateSchema: z.ZodType<PublishedTemplate> = z.object({ id: z.string(), version: z.number(), current: z.number() });
