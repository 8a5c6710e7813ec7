/** Shared test data for the summary tests: a sub-branch of 10 outlets and builders of typed rows. */
import type { Organisation } from '#shared/org/schema';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';
import type { TypedRow, TypedValue } from '#shared/validation/types';

function builtin(id: string): TemplateSpec {
  const spec = builtinTemplates.find((candidate) => candidate.id === id);
  if (!spec) throw new Error(`no built-in template ${id}`);
  return spec;
}

export const inviteDaily = builtin('invite-daily');
export const activityTracking = builtin('activity-tracking');
export const salesEvaluation = builtin('sales-evaluation');

/** 城东支行 with outlets 3301001..3301010, a daily target of 15 有效邀约, deadline 20:00. */
export function makeOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  const names = ['营业部', '东湖', '西溪', '南星', '北山', '文三', '古荡', '翠苑', '三墩', '九堡'];
  return {
    code: '3301',
    name: '城东支行',
    outlets: names.map((name, index) => ({ code: `33010${String(index + 1).padStart(2, '0')}`, name: `城东支行${name}网点` })),
    campaign: { from: '2026-12-01', to: '2026-12-07', saleDays: ['2026-12-08', '2026-12-09', '2026-12-10'] },
    targets: { 'invite-daily': { 有效邀约: 15 } },
    deadline: '20:00',
    ...overrides,
  };
}

/** Outlet code 33010NN for NN = 1..10. */
export function outletCode(n: number): string {
  return `33010${String(n).padStart(2, '0')}`;
}

function row(rowNumber: number, values: Record<string, TypedValue>): TypedRow {
  return { rowNumber, values };
}

export interface InviteRowOptions {
  effective?: boolean;
  bigTicket?: boolean;
  attended?: boolean;
  estimatedSingle?: number;
  estimatedRegular?: number;
  closedSingle?: number;
  closedRegular?: number;
}

/** One 邀约明细 row as the validator hands it over. */
export function inviteRow(rowNumber: number, options: InviteRowOptions = {}): TypedRow {
  const yesNo = (flag: boolean | undefined): TypedValue => (flag === undefined ? null : flag ? '是' : '否');
  return row(rowNumber, {
    A: rowNumber - 4,
    B: `客户${rowNumber}`,
    C: '13800138000',
    D: '存量客户',
    E: options.bigTicket ? '高端客户' : '普通客户',
    F: options.bigTicket ? 150 : 30,
    I: '电话',
    J: '李经理',
    K: options.effective ? '是' : '否',
    L: yesNo(options.bigTicket),
    M: options.effective ? '2026-12-08' : null,
    O: options.estimatedSingle ?? null,
    P: options.estimatedRegular ?? null,
    Q: yesNo(options.attended),
    R: options.closedSingle ?? null,
    S: options.closedRegular ?? null,
  });
}

/** `effective` rows with 是 in K followed by `ineffective` rows with 否. */
export function inviteRows(effective: number, ineffective = 0): TypedRow[] {
  const rows: TypedRow[] = [];
  for (let i = 0; i < effective + ineffective; i += 1) rows.push(inviteRow(5 + i, { effective: i < effective }));
  return rows;
}

/** One 活动追踪 row: an event with its cost (N) and premium (P). */
export function activityRow(rowNumber: number, cost: number, premium: number, attended = 10): TypedRow {
  return row(rowNumber, {
    A: rowNumber - 4,
    B: `活动${rowNumber}`,
    C: '养客',
    D: '沙龙',
    E: '2026-12-12',
    F: '职场自办',
    G: '王五',
    H: 3,
    I: attended + 5,
    J: attended,
    K: 2,
    L: 8,
    M: cost,
    N: cost,
    O: 1,
    P: premium,
    Q: cost > 0 ? premium / cost : null,
    R: '是',
    S: '是',
    T: 4,
  });
}

/** One 销售评估 row: four scores (D..G), 合规提示到位 (H) and 可独立销售 (J). */
export function evaluationRow(rowNumber: number, scores: [number | null, number | null, number | null, number | null], compliant: boolean, canSellAlone: boolean | null): TypedRow {
  const [d, e, f, g] = scores;
  const total = scores.every((score) => score !== null) ? (d ?? 0) + (e ?? 0) + (f ?? 0) + (g ?? 0) : null;
  return row(rowNumber, {
    A: rowNumber - 4,
    B: `员工${rowNumber}`,
    C: '理财经理',
    D: d,
    E: e,
    F: f,
    G: g,
    H: compliant ? '是' : '否',
    I: total,
    J: canSellAlone === null ? null : canSellAlone ? '是' : '否',
  });
}
