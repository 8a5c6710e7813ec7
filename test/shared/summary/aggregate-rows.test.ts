import { aggregateRows } from '#shared/summary/aggregate-rows';
import { unitAggregateSchema } from '#shared/summary/unit-aggregate';
import { activityRow, activityTracking, evaluationRow, inviteDaily, inviteRow, salesEvaluation } from './summary-fixtures';

describe('aggregateRows', () => {
  it('counts named rows and 是 values and sums the money columns of 邀约明细', () => {
    // Prepare
    const rows = [
      inviteRow(5, { effective: true, bigTicket: true, estimatedSingle: 500000, estimatedRegular: 100000, attended: true, closedSingle: 300000, closedRegular: 50000 }),
      inviteRow(6, { effective: true, estimatedSingle: 200000 }),
      inviteRow(7, { effective: false, bigTicket: false, attended: false }),
    ];

    // Act
    const aggregate = aggregateRows(inviteDaily, rows);

    // Assess
    expect(aggregate).toEqual({
      rows: 3,
      parts: { 邀约人次: 3, 有效邀约: 2, 大单客户: 1, 预估趸交: 700000, 预估期缴: 100000, 到场: 1, 成交趸交: 300000, 成交期缴: 50000 },
    });
  });

  it('counts only rows whose counted column is filled', () => {
    // Prepare
    const rows = [inviteRow(5), { rowNumber: 6, values: { B: null, D: '存量客户' } }, { rowNumber: 7, values: { B: '' } }];

    // Act
    const aggregate = aggregateRows(inviteDaily, rows);

    // Assess
    expect(aggregate.parts['邀约人次']).toBe(1);
  });

  it('gives a submission with no rows zero counts and sums', () => {
    // Act
    const aggregate = aggregateRows(inviteDaily, []);

    // Assess
    expect(aggregate).toEqual({
      rows: 0,
      parts: { 邀约人次: 0, 有效邀约: 0, 大单客户: 0, 预估趸交: 0, 预估期缴: 0, 到场: 0, 成交趸交: 0, 成交期缴: 0 },
    });
  });

  it('keeps sum and count for averages and hits and count for shares', () => {
    // Prepare
    const rows = [evaluationRow(5, [5, 4, 4, 3], true, true), evaluationRow(6, [3, 3, 2, 2], false, false), evaluationRow(7, [4, 4, 4, 4], true, null)];

    // Act
    const aggregate = aggregateRows(salesEvaluation, rows);

    // Assess
    expect(aggregate.parts).toEqual({
      评估人次: 3,
      销售流程完整: { sum: 12, count: 3 },
      产品讲解合规: { sum: 11, count: 3 },
      保单解释详尽: { sum: 10, count: 3 },
      异议处理: { sum: 9, count: 3 },
      平均总分: { sum: 42, count: 3 },
      可独立销售占比: { hits: 1, count: 2 },
      不合规次数: 1,
    });
  });

  it('leaves a row with a missing score out of an average over several columns', () => {
    // Prepare
    const rows = [evaluationRow(5, [5, 5, 5, 5], true, true), evaluationRow(6, [1, null, 1, 1], true, true)];

    // Act
    const aggregate = aggregateRows(salesEvaluation, rows);

    // Assess
    expect(aggregate.parts['平均总分']).toEqual({ sum: 20, count: 1 });
    expect(aggregate.parts['销售流程完整']).toEqual({ sum: 6, count: 2 });
  });

  it('stores no part for derived ratio columns', () => {
    // Prepare
    const rows = [activityRow(5, 1000, 5000)];

    // Act
    const aggregate = aggregateRows(activityTracking, rows);

    // Assess
    expect(Object.keys(aggregate.parts)).toEqual(['活动场次', '邀约客户', '到场客户', '新增准客户', '实际投入', '产出保费']);
  });

  it('ignores a text in a summed column (an invalid value the validator left)', () => {
    // Prepare
    const rows = [{ rowNumber: 5, values: { B: '甲', O: 'abc' } }, { rowNumber: 6, values: { B: '乙', O: 300 } }];

    // Act
    const aggregate = aggregateRows(inviteDaily, rows);

    // Assess
    expect(aggregate.parts['预估趸交']).toBe(300);
  });

  it('survives a JSON round trip unchanged and fits its schema', () => {
    // Prepare
    const aggregate = aggregateRows(salesEvaluation, [evaluationRow(5, [5, 4, 4, 3], true, true)]);

    // Act
    const restored = unitAggregateSchema.parse(JSON.parse(JSON.stringify(aggregate)));

    // Assess
    expect(restored).toEqual(aggregate);
  });

  it('stays small whatever the number of rows', () => {
    // Prepare
    const rows = Array.from({ length: 2000 }, (_, i) => inviteRow(5 + i, { effective: i % 2 === 0, estimatedSingle: 1000 }));

    // Act
    const size = JSON.stringify(aggregateRows(inviteDaily, rows)).length;

    // Assess
    expect(size).toBeLessThan(300);
  });
});
