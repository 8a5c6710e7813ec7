import type { Organisation } from '#shared/org/schema';

/** The sub-branch the synthetic sheets report to: the 7-day campaign of domain.md, sale days 8–10 December. */
export const benchOrganisation: Organisation = {
  code: '3301',
  name: '城东支行',
  outlets: [{ code: '3301001', name: '城东支行营业部' }],
  campaign: { from: '2026-12-01', to: '2026-12-07', saleDays: ['2026-12-08', '2026-12-09', '2026-12-10'] },
  targets: { 'invite-daily': { 有效邀约: 15 } },
  deadline: '20:00',
};

export const BENCH_AS_OF = '2026-12-01';
export const BENCH_HEADER = { subBranch: '3301', outlet: '3301001', reportDate: '2026-12-01', submitter: '张三' };
