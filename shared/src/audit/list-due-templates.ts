import type { Organisation } from '../org/schema';
import type { TemplateSpec } from '../spec/schema';
import { describeTemplateDue, type TemplateDue } from './describe-template-due';

/**
 * The templates due from a sub-branch on a day (GET /audit without `template`), in the order of `specs`
 * (pass the current version of each template once). See `describeTemplateDue` for the rule.
 */
export function listDueTemplates(specs: readonly TemplateSpec[], organisation: Organisation, day: string): TemplateDue[] {
  return specs.map((spec) => describeTemplateDue(spec, organisation, day)).filter((t) => t.due);
}
