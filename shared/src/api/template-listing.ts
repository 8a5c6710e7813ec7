/** GET /templates: the templates any signed-in user may download. */
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
