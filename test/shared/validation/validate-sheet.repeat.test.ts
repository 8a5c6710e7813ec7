import { validateSheet } from '#shared/validation/validate-sheet';
import { inviteDaily as spec, inviteHeader, inviteRow, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

describe('validateSheet: checking the same grid again', () => {
  it('finds the same findings and rows each time (compiled specs are cached, results are not)', () => {
    // Prepare: a valid row, a fixable one, an invalid one and a broken rule
    const grid = buildGrid(spec, {
      header: inviteHeader,
      rows: [inviteRow, { ...inviteRow, K: 'Y' }, { ...inviteRow, E: '中端客户' }, { ...inviteRow, E: '普通客户', L: '是' }],
    });
    const options = { asOf: '2026-12-03', organisation };
    // Act
    const first = JSON.parse(JSON.stringify(validateSheet(grid, spec, options)));
    const second = JSON.parse(JSON.stringify(validateSheet(grid, spec, options)));
    // Assess
    expect(first.findings.map((f: { code: string }) => f.code)).toEqual(['type-error', 'enum-error', 'cross-field-error']);
    expect(second).toEqual(first);
  });

  it('does not share the findings array or the rows between two results', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, E: '中端客户' }] });
    const first = validateSheet(grid, spec, { asOf: '2026-12-03', organisation });
    first.findings.length = 0;
    first.rows[0].values.E = 'changed';
    const second = validateSheet(grid, spec, { asOf: '2026-12-03', organisation });
    expect([second.findings.map((f) => f.code), second.rows[0].values.E]).toEqual([['enum-error'], null]);
  });
});
