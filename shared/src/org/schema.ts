import * as z from '../zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const unitSchema = z.object({ code: z.string().min(1), name: z.string().min(1) });
export type OrgUnit = z.infer<typeof unitSchema>;

/** The organisation file (`--org FILE`, `PUT /org/{subBranch}`): a sub-branch, its outlets and campaign. */
export const organisationSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  outlets: z.array(unitSchema),
  /** The insurer's workplaces (职场) that submit monthly 活动追踪 sheets. */
  workplaces: z.array(unitSchema).optional(),
  campaign: z
    .object({ from: isoDate, to: isoDate, saleDays: z.array(isoDate).default([]) })
    .optional(),
  /** Per unit per day (or month) targets, by template id, then by summary label. */
  targets: z.record(z.string(), z.record(z.string(), z.number().nonnegative())).default({}),
  /** Daily deadline, Asia/Shanghai local time, HH:mm. */
  deadline: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('20:00'),
  /** Share of the period's target below which a reporting outlet is flagged 目标达成预警 (contract.md); default 0.8. */
  warnBelow: z.number().min(0).max(10).optional(),
});

/** The organisation's 目标达成预警 threshold: `warnBelow`, else 0.8. */
export const DEFAULT_WARN_BELOW = 0.8;
export type Organisation = z.infer<typeof organisationSchema>;
