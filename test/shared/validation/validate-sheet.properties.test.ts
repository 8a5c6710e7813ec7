import fc from 'fast-check';
import type { CellValue } from '#shared/grid/types';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { applySafeFixes } from '#shared/validation/apply-safe-fixes';
import { validateSheet } from '#shared/validation/validate-sheet';
import { toFullWidth } from '../normalise/to-full-width';
import { inviteDaily as spec, inviteHeader, inviteRow, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

const options = { asOf: '2026-12-03', organisation };

/** The ways people write a yes: the canonical one and its safe variants. */
const yes = fc.constantFrom<CellValue>('是', 'Y', 'y', 'yes', '√', '✓', 'TRUE', true, ' 是 ', 'Ｙ');
const mobile = fc.stringMatching(/^1[3-9]\d{9}$/).chain((digits) =>
  fc.constantFrom<CellValue>(digits, Number(digits), `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`, toFullWidth(digits), `86${digits}`),
);
const yuan = fc.integer({ min: 0, max: 10_000_000 }).chain((n) =>
  fc.constantFrom<CellValue>(n, String(n), n.toLocaleString('en-US'), toFullWidth(String(n)), `${n / 10000}万`, `${n / 10000}万元`),
);
const saleDay = fc.constantFrom('2026-12-08', '2026-12-09', '2026-12-10').chain((iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return fc.constantFrom<CellValue>(iso, `${y}年${m}月${d}日`, `${y}/${m}/${d}`, `${m}月${d}日`, excelSerialFromDate(iso));
});
const highEnd = fc.constantFrom<CellValue>('高端客户', ' 高端客户', '高端 客户', '高端客户\u3000');

/** A row of 邀约明细 written the many ways people write the same values. */
const messyRow = fc.record({ C: mobile, E: highEnd, K: yes, L: yes, M: saleDay, O: yuan, P: yuan }).map((r) => ({ ...inviteRow, ...r }));

describe('validateSheet and applySafeFixes: properties', () => {
  it('reads a row written any safe way without errors', () => {
    fc.assert(
      fc.property(fc.array(messyRow, { minLength: 1, maxLength: 5 }), (rows) => {
        const result = validateSheet(buildGrid(spec, { header: inviteHeader, rows }), spec, options);
        expect(result.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
      }),
    );
  });

  it('leaves nothing to fix once the safe fixes are applied, and the typed rows stay the same', () => {
    fc.assert(
      fc.property(fc.array(messyRow, { minLength: 1, maxLength: 5 }), (rows) => {
        // Prepare
        const grid = buildGrid(spec, { header: inviteHeader, rows });
        const first = validateSheet(grid, spec, options);
        // Act
        const second = validateSheet(applySafeFixes(grid, first.findings).grid, spec, options);
        // Assess
        expect(second.findings).toEqual([]);
        expect(second.rows).toEqual(first.rows);
      }),
    );
  });
});
