import { summariseSubmissions } from '#shared/summary/summarise-submissions';
import { evaluationRow, makeOrganisation, outletCode, salesEvaluation } from './summary-fixtures';

const saleDays = { from: '2026-12-08', to: '2026-12-10' };

describe('summariseSubmissions (销售评估, averages and shares per outlet)', () => {
  it('averages each score, the total score, the share of 可独立销售 and counts 不合规', () => {
    // Prepare
    const rows = [evaluationRow(5, [5, 4, 4, 3], true, true), evaluationRow(6, [3, 3, 2, 2], false, false), evaluationRow(7, [4, 5, 3, 4], true, true)];

    // Act
    const summary = summariseSubmissions(salesEvaluation, makeOrganisation(), [{ unit: outletCode(1), period: '2026-12-08', rows }], saleDays);

    // Assess
    expect(summary.outlets[0].values).toEqual({
      评估人次: 3,
      销售流程完整: 12 / 3,
      产品讲解合规: 12 / 3,
      保单解释详尽: 9 / 3,
      异议处理: 9 / 3,
      平均总分: 42 / 3,
      可独立销售占比: 2 / 3,
      不合规次数: 1,
    });
  });

  it('averages over all rows of the period, not over the daily averages', () => {
    // Prepare
    const submissions = [
      { unit: outletCode(1), period: '2026-12-08', rows: [evaluationRow(5, [5, 5, 5, 5], true, true)] },
      {
        unit: outletCode(1),
        period: '2026-12-09',
        rows: [evaluationRow(5, [3, 3, 3, 3], true, false), evaluationRow(6, [3, 3, 3, 3], true, false), evaluationRow(7, [3, 3, 3, 3], true, false)],
      },
    ];

    // Act
    const summary = summariseSubmissions(salesEvaluation, makeOrganisation(), submissions, saleDays);

    // Assess
    expect(summary.outlets[0].values['平均总分']).toBe((20 + 12 * 3) / 4);
    expect(summary.outlets[0].values['可独立销售占比']).toBe(1 / 4);
  });

  it('ranks by 平均总分, descending', () => {
    // Prepare
    const submissions = [
      { unit: outletCode(1), period: '2026-12-08', rows: [evaluationRow(5, [3, 3, 3, 3], true, true)] },
      { unit: outletCode(2), period: '2026-12-08', rows: [evaluationRow(5, [5, 4, 5, 4], true, true)] },
      { unit: outletCode(3), period: '2026-12-08', rows: [evaluationRow(5, [4, 4, 4, 4], true, true)] },
    ];

    // Act
    const summary = summariseSubmissions(salesEvaluation, makeOrganisation(), submissions, saleDays);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.rank])).toEqual([
      ['3301002', 1],
      ['3301003', 2],
      ['3301001', 3],
    ]);
  });

  it('leaves averages and shares empty for an outlet that sent a sheet with no rows, and ranks it last', () => {
    // Prepare
    const submissions = [
      { unit: outletCode(1), period: '2026-12-08', rows: [] },
      { unit: outletCode(2), period: '2026-12-08', rows: [evaluationRow(5, [2, 2, 2, 2], true, true)] },
    ];

    // Act
    const summary = summariseSubmissions(salesEvaluation, makeOrganisation(), submissions, saleDays);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.rank, line.values['评估人次'], line.values['平均总分'], line.values['可独立销售占比']])).toEqual([
      ['3301002', 1, 1, 8, 1],
      ['3301001', 2, 0, null, null],
    ]);
  });

  it('recomputes the total averages and shares from all rows of all outlets', () => {
    // Prepare
    const submissions = [
      { unit: outletCode(1), period: '2026-12-08', rows: [evaluationRow(5, [5, 5, 5, 5], true, true)] },
      { unit: outletCode(2), period: '2026-12-08', rows: [evaluationRow(5, [2, 2, 2, 2], false, false), evaluationRow(6, [2, 2, 2, 2], false, null)] },
    ];

    // Act
    const summary = summariseSubmissions(salesEvaluation, makeOrganisation(), submissions, saleDays);

    // Assess
    expect(summary.total).toEqual({
      评估人次: 3,
      销售流程完整: 3,
      产品讲解合规: 3,
      保单解释详尽: 3,
      异议处理: 3,
      平均总分: 12,
      可独立销售占比: 1 / 2,
      不合规次数: 2,
    });
  });
});
