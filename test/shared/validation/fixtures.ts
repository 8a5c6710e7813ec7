/**
 * Well-filled header values and rows of the three built-in templates, and an organisation,
 * for validation tests (and anyone else's tests that need a valid sheet to start from).
 */
import type { CellValue } from '#shared/grid/types';
import { organisationSchema, type Organisation } from '#shared/org/schema';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';

function builtin(id: string): TemplateSpec {
  const spec = builtinTemplates.find((s) => s.id === id);
  if (!spec) throw new Error(`no built-in template ${id}`);
  return spec;
}

export const inviteDaily = builtin('invite-daily');
export const activityTracking = builtin('activity-tracking');
export const salesEvaluation = builtin('sales-evaluation');

export const organisation: Organisation = organisationSchema.parse({
  code: '3301',
  name: '城东支行',
  outlets: [
    { code: '3301001', name: '城东支行营业部' },
    { code: '3301002', name: '新华路网点' },
  ],
  workplaces: [{ code: 'W01', name: '城东职场' }],
  campaign: { from: '2026-12-01', to: '2026-12-07', saleDays: ['2026-12-08', '2026-12-09', '2026-12-10'] },
  targets: { 'invite-daily': { 有效邀约: 15 } },
});

export const inviteHeader: Record<string, CellValue> = {
  subBranch: '城东支行',
  outlet: '城东支行营业部',
  reportDate: '2026-12-03',
  submitter: '王主任',
};

/** A row of 邀约明细 with every rule satisfied: effective invite by phone, appointment on a sale day. */
export const inviteRow: Record<string, CellValue> = {
  A: 1,
  B: '张三',
  C: '13800138000',
  D: '存量客户',
  E: '高端客户',
  F: 150,
  G: '定期到期',
  H: 45,
  I: '电话',
  J: '李经理',
  K: '是',
  L: '是',
  M: '2026-12-08',
  N: '年金险',
  O: 100000,
  P: 30000,
};

export const activityHeader: Record<string, CellValue> = { unit: '城东职场', reportMonth: '2026-12', submitter: '赵经理' };

export const activityRow: Record<string, CellValue> = {
  A: 1,
  B: '周末观影会',
  C: '养客',
  D: '观影',
  E: '2026-12-12',
  F: '职场自办',
  G: '钱伟',
  H: 5,
  I: 40,
  J: 30,
  K: 8,
  L: 25,
  M: 5000,
  N: 5200,
  O: 3,
  P: 120000,
  R: '是',
  S: '否',
  T: 4,
  U: '',
};

export const salesHeader: Record<string, CellValue> = { outlet: '3301002', evaluationDate: '2026-12-08', evaluator: '孙督训', stage: '共同销售' };

export const salesRow: Record<string, CellValue> = {
  A: 1,
  B: '刘理财',
  C: '理财经理',
  D: 4,
  E: 5,
  F: 3,
  G: 4,
  H: '是',
  J: '是',
  K: '加强异议处理',
};
