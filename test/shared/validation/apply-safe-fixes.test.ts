import { applySafeFixes } from '#shared/validation/apply-safe-fixes';
import { activityHeader, activityRow, activityTracking } from './fixtures';
import { validateSheet } from '#shared/validation/validate-sheet';
import { inviteDaily as spec, inviteHeader, inviteRow, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

const options = { asOf: '2026-12-03', organisation };

describe('safe fixes proposed by validateSheet', () => {
  it.each([
    ['O', '30万', 300000],
    ['O', '1,000,000', 1000000],
    ['F', '１５０', 150],
    ['F', '150万', 150],
    ['M', '2026年12月8日', '2026-12-08'],
    ['M', '12月8日', '2026-12-08'],
    ['K', 'Y', '是'],
    ['L', '√', '是'],
    ['C', '+86 138-0013-8000', '13800138000'],
    ['E', ' 高端客户 ', '高端客户'],
    ['B', '张三\u00a0', '张三'],
  ])('%s: %p gets the fix %p as a warning', (column, typed, fix) => {
    // Prepare
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, [column]: typed }] });
    // Act
    const result = validateSheet(grid, spec, options);
    // Assess
    expect(result.findings.map((f) => [f.address, f.severity, f.fix])).toEqual([[`邀约明细!${column}5`, 'warning', fix]]);
    expect(result.rows[0].values[column]).toBe(fix);
    expect(result.hasErrors).toBe(false);
  });

  it('proposes no fix for a guess: 12/8 without a year marker is an error', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, M: '12/8' }] });
    const [finding] = validateSheet(grid, spec, options).findings;
    expect([finding.code, finding.severity, finding.fix, finding.note]).toEqual(['type-error', 'error', null, 'ambiguous']);
  });
});

describe('applySafeFixes', () => {
  const typed = { O: '30万', M: '2026年12月8日', K: 'Y', C: '+86 138-0013-8000' };

  it('writes each fix into its cell of a copy of the grid', () => {
    // Prepare
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, ...typed }] });
    const { findings } = validateSheet(grid, spec, options);
    // Act
    const { grid: fixed, applied } = applySafeFixes(grid, findings);
    // Assess
    expect(applied).toHaveLength(4);
    expect([fixed.values[4][14], fixed.values[4][12], fixed.values[4][10], fixed.values[4][2]]).toEqual([300000, '2026-12-08', '是', '13800138000']);
  });

  it('leaves the grid it was given unchanged', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, ...typed }] });
    const before = JSON.stringify(grid);
    applySafeFixes(grid, validateSheet(grid, spec, options).findings);
    expect(JSON.stringify(grid)).toBe(before);
  });

  it('leaves nothing to fix: the fixed grid validates without findings', () => {
    const grid = buildGrid(spec, { header: { ...inviteHeader, reportDate: '2026/12/3' }, rows: [{ ...inviteRow, ...typed }] });
    const { grid: fixed } = applySafeFixes(grid, validateSheet(grid, spec, options).findings);
    expect(validateSheet(fixed, spec, options).findings).toEqual([]);
  });

  it('does not touch errors without a fix', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, E: '中端客户', L: null }] });
    const { findings } = validateSheet(grid, spec, options);
    const { grid: fixed, applied } = applySafeFixes(grid, findings);
    expect([applied, fixed.values[4][4]]).toEqual([[], '中端客户']);
  });

  it('ignores findings of another sheet', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, K: 'Y' }] });
    const findings = validateSheet(grid, spec, options).findings.map((f) => ({ ...f, address: `其他!${f.column}${f.row}` }));
    expect(applySafeFixes(grid, findings).applied).toEqual([]);
  });
});

describe('restoring a deleted or typed-over formula as a safe fix', () => {
  const activityOptions = { asOf: '2026-12-31', organisation };

  it("proposes the template's formula for Q5 投入产出比 and D3 有效邀约, still as errors (the sheet as sent is non-compliant)", () => {
    // Prepare: Q5 typed over with 23.08; D3 emptied.
    const activity = buildGrid(activityTracking, { header: activityHeader, rows: [{ ...activityRow, Q: 23.08 }], withoutFormulas: ['Q5'] });
    const invite = buildGrid(spec, { header: inviteHeader, rows: [inviteRow], withoutFormulas: ['D3'] });
    // Act
    const [q5] = validateSheet(activity, activityTracking, activityOptions).findings;
    const [d3] = validateSheet(invite, spec, options).findings;
    // Assess
    expect([q5.address, q5.code, q5.severity, q5.value, q5.fix]).toEqual(['活动追踪!Q5', 'computed-cell-overwritten', 'error', 23.08, '=IF(N5>0,P5/N5,"")']);
    expect([d3.address, d3.code, d3.note, d3.fix]).toEqual(['邀约明细!D3', 'computed-cell-overwritten', 'removed', '=COUNTIF(K5:K504,"是")']);
    expect(d3.message_zh).toBe('邀约明细!D3（有效邀约）的公式被删除；可恢复模板公式 =COUNTIF(K5:K504,"是")');
  });

  it('writes the formula back into the grid, empties the typed value, and the fixed grid validates clean', () => {
    // Prepare
    const grid = buildGrid(activityTracking, { header: activityHeader, rows: [{ ...activityRow, Q: 23.08 }, {}], withoutFormulas: ['Q5', 'B3'] });
    const { findings } = validateSheet(grid, activityTracking, activityOptions);
    // Act
    const { grid: fixed, applied } = applySafeFixes(grid, findings);
    // Assess
    expect(applied.map((f) => f.address)).toEqual(['活动追踪!B3', '活动追踪!Q5']);
    expect([fixed.formulas?.[4][16], fixed.values[4][16], fixed.formulas?.[2][1]]).toEqual(['=IF(N5>0,P5/N5,"")', null, '=COUNTA(B5:B504)']);
    expect(grid.formulas?.[4][16]).toBeNull();
    expect(validateSheet(fixed, activityTracking, activityOptions).findings).toEqual([]);
  });
});
