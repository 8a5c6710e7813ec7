import inviteDailyV1 from '../../templates/invite-daily.v1.json';
import activityTrackingV1 from '../../templates/activity-tracking.v1.json';
import salesEvaluationV1 from '../../templates/sales-evaluation.v1.json';
import { parseTemplateSpec } from './parse-template-spec';
import type { TemplateSpec } from './schema';

/** The templates the product ships with (version 1 of each), checked against the spec schema. */
export const builtinTemplates: readonly TemplateSpec[] = [inviteDailyV1, activityTrackingV1, salesEvaluationV1].map((raw) =>
  parseTemplateSpec(raw),
);
