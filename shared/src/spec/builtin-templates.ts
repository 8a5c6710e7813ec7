import inviteDailyV1 from '../../templates/invite-daily.v1.json';
import activityTrackingV1 from '../../templates/activity-tracking.v1.json';
import salesEvaluationV1 from '../../templates/sales-evaluation.v1.json';
import type { TemplateSpec } from './schema';

/**
 * The templates the product ships with (version 1 of each). Their files are stored complete, every
 * default written out, so that a version's effective spec (its caps included) is frozen in its file
 * and no schema is built or run when a function or the pane starts (a function's cold start was
 * ~15 ms longer with the parse). test/shared/spec/builtin-templates.test.ts checks that
 * parseTemplateSpec gives each file back unchanged: that check is what this cast stands on.
 */
export const builtinTemplates: readonly TemplateSpec[] = [inviteDailyV1, activityTrackingV1, salesEvaluationV1] as unknown as readonly TemplateSpec[];
