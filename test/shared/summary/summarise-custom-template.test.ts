import { parseTemplateSpec } from '#shared/spec/parse-template-spec';
import { summariseSubmissions } from '#shared/summary/summarise-submissions';
import type { TypedRow } from '#shared/validation/types';
import { makeOrganisation, outletCode } from './summary-fixtures';

/** A fourth template, defined only here: a daily call log, ranked densely by its answer rate. */
const callLog = parseTemplateSpec({
  id: 'call-log',
  version: 1,
  title: '网点电话回访登记表',
  sheetName: '电话回访',
  period: 'day',
  headerFields: [
    { key: 'outlet', label: '网点', labelCell: 'A2', valueCell: 'B2', type: 'text', orgRef: 'outlet', role: 'unit' },
    { key: 'day', label: '日期', labelCell: 'C2', valueCell: 'D2', type: 'date', role: 'period' },
  ],
  columns: [
    { key: 'seq', col: 'A', label: '序号', type: 'integer', required: false, sequence: true },
    { key: 'caller', col: 'B', label: '回访人', type: 'text' },
    { key: 'calls', col: 'C', label: '拨打次数', type: 'integer', min: 0 },
    { key: 'answered', col: 'D', label: '接通次数', type: 'integer', min: 0 },
  ],
  summary: {
    units: 'outlets',
    columns: [
      { agg: 'count', label: '回访人数', column: 'B' },
      { agg: 'sum', label: '拨打', columns: ['C'] },
      { agg: 'sum', label: '接通', columns: ['D'] },
      { agg: 'ratio', label: '接通率', numerator: '接通', denominator: '拨打' },
      { agg: 'target-rate', label: '拨打达成率', of: '拨打' },
    ],
    rankBy: '接通率',
    alsoRankBy: ['拨打'],
    ranking: 'dense',
  },
  targets: { 拨打: 20 },
});

function calls(...pairs: [number, number][]): TypedRow[] {
  return pairs.map(([made, answered], i) => ({ rowNumber: 5 + i, values: { A: i + 1, B: `回访人${i}`, C: made, D: answered } }));
}

describe('summariseSubmissions (a template defined by its spec alone)', () => {
  it('summarises, rates against the spec target and ranks densely with no engine change', () => {
    // Prepare
    const submissions = [
      { unit: outletCode(1), period: '2026-12-01', rows: calls([10, 5], [10, 5]) },
      { unit: outletCode(2), period: '2026-12-01', rows: calls([8, 4]) },
      { unit: outletCode(3), period: '2026-12-01', rows: calls([30, 24]) },
      { unit: outletCode(4), period: '2026-12-01', rows: calls([0, 0]) },
    ];

    // Act
    const summary = summariseSubmissions(callLog, makeOrganisation(), submissions, { from: '2026-12-01', to: '2026-12-01' });

    // Assess
    expect(summary).toEqual({
      template: 'call-log',
      subBranch: '3301',
      subBranchName: '城东支行',
      warnBelow: 0.8,
      from: '2026-12-01',
      to: '2026-12-01',
      ranking: 'dense',
      outlets: [
        { outlet: '3301003', outletName: '城东支行西溪网点', rank: 1, ranks: { 拨打: 1 }, values: { 回访人数: 1, 拨打: 30, 接通: 24, 接通率: 0.8, 拨打达成率: 1.5 } },
        { outlet: '3301001', outletName: '城东支行营业部网点', rank: 2, ranks: { 拨打: 2 }, values: { 回访人数: 2, 拨打: 20, 接通: 10, 接通率: 0.5, 拨打达成率: 1 } },
        { outlet: '3301002', outletName: '城东支行东湖网点', rank: 2, ranks: { 拨打: 3 }, values: { 回访人数: 1, 拨打: 8, 接通: 4, 接通率: 0.5, 拨打达成率: 0.4 } },
        { outlet: '3301004', outletName: '城东支行南星网点', rank: 3, ranks: { 拨打: 4 }, values: { 回访人数: 1, 拨打: 0, 接通: 0, 接通率: null, 拨打达成率: 0 } },
      ],
      missing: [5, 6, 7, 8, 9, 10].map((n) => ({ outlet: outletCode(n), outletName: makeOrganisation().outlets[n - 1].name })),
      total: { 回访人数: 5, 拨打: 58, 接通: 38, 接通率: 38 / 58, 拨打达成率: 58 / 200 },
    });
  });
});
