import { validateSheet } from '#shared/validation/validate-sheet';
import { inviteDaily as spec, inviteHeader, inviteRow, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

const options = { asOf: '2026-12-03', organisation };

function findingsWithLabels(labels: Record<string, string | null>): [string, string][] {
  const grid = buildGrid(spec, { header: { ...inviteHeader, ...labels }, rows: [inviteRow] });
  return validateSheet(grid, spec, options).findings.map((f) => [f.address, f.code]);
}

describe('validateSheet: labels and layout', () => {
  it('accepts labels with spaces around them', () => {
    expect(findingsWithLabels({ A1: ' 网点客户邀约每日明细表 ', A2: '支行 ', K4: '\u3000是否有效邀约' })).toEqual([]);
  });

  it('reports a changed title as incorrect-label', () => {
    expect(findingsWithLabels({ A1: '网点邀约表' })).toEqual([['邀约明细!A1', 'incorrect-label']]);
  });

  it('reports an empty title as missing-label', () => {
    expect(findingsWithLabels({ A1: null })).toEqual([['邀约明细!A1', 'missing-label']]);
  });

  it('reports a changed row-2 label', () => {
    expect(findingsWithLabels({ C2: '网点名称' })).toEqual([['邀约明细!C2', 'incorrect-label']]);
  });

  it('reports a changed row-3 (computed) label', () => {
    expect(findingsWithLabels({ G3: '预估保费合计（元）' })).toEqual([['邀约明细!G3', 'incorrect-label']]);
  });

  it('reports full-width brackets in a header-row label as incorrect-label', () => {
    expect(findingsWithLabels({ F4: '流动资产（万元）' })).toEqual([['邀约明细!F4', 'incorrect-label']]);
  });

  it('reports a header-row label that was deleted as missing-label', () => {
    expect(findingsWithLabels({ T4: null })).toEqual([['邀约明细!T4', 'missing-label']]);
  });

  it('reports two swapped header-row labels at both cells', () => {
    expect(findingsWithLabels({ D4: '客户类别', E4: '客户来源' })).toEqual([
      ['邀约明细!D4', 'incorrect-label'],
      ['邀约明细!E4', 'incorrect-label'],
    ]);
  });

  it('reports a column added after the last one as extra-label', () => {
    expect(findingsWithLabels({ U4: '客户微信' })).toEqual([['邀约明细!U4', 'extra-label']]);
  });

  it('reports text added to the header block outside its layout as extra-label', () => {
    expect(findingsWithLabels({ I2: '审核人', J3: '合计' })).toEqual([
      ['邀约明细!I2', 'extra-label'],
      ['邀约明细!J3', 'extra-label'],
    ]);
  });

  it('gives every finding both messages, naming the cell', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, K: '也许', M: null }] });
    const [finding] = validateSheet(grid, spec, options).findings;
    expect([finding.address, finding.message_zh.startsWith('邀约明细!K5'), finding.message_en.startsWith('邀约明细!K5')]).toEqual([
      '邀约明细!K5',
      true,
      true,
    ]);
  });
});
