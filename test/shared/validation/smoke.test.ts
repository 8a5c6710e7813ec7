import { builtinTemplates } from '../../../shared/src/spec/builtin-templates';
import { validateSheet } from '../../../shared/src/validation/validate-sheet';
import { buildGrid } from './grid-builder';

describe('validateSheet (smoke)', () => {
  it('finds nothing in a well-filled invite-daily sheet', () => {
    const spec = builtinTemplates[0];
    const grid = buildGrid(spec, {
      header: { subBranch: '城东支行', outlet: '城东支行营业部', reportDate: '2026-12-01', submitter: '王主任' },
      rows: [{ A: 1, B: '张三', C: '13800138000', D: '存量客户', E: '普通客户', F: 25, I: '电话', J: '李经理', K: '否' }],
    });
    const result = validateSheet(grid, spec, { asOf: '2026-12-01' });
    expect(result.findings.map((f) => [f.address, f.code])).toEqual([['邀约明细', 'org-rules-skipped']]);
    expect(result.rows).toHaveLength(1);
  });
});
