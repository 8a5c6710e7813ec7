import { parseTemplateSpec } from '#shared/spec/parse-template-spec';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { validateSheet } from '#shared/validation/validate-sheet';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { buildGrid } from './grid-builder';

/** A fourth template, defined only as data: a weekly visit log with its own header, rules and computed column. */
const visitLog = parseTemplateSpec({
  id: 'visit-log',
  version: 1,
  title: '客户回访记录表',
  sheetName: '回访记录',
  period: 'day',
  headerFields: [
    { key: 'outlet', label: '网点', labelCell: 'A2', valueCell: 'B2', type: 'text', orgRef: 'outlet', role: 'unit' },
    { key: 'visitDay', label: '回访日期', labelCell: 'C2', valueCell: 'D2', type: 'date', role: 'period' },
  ],
  computedCells: [{ key: 'visits', label: '回访次数', labelCell: 'A3', valueCell: 'B3', formula: 'COUNTA(B{first}:B{last})' }],
  headerRow: 5,
  firstDataRow: 6,
  dataRows: 20,
  columns: [
    { key: 'customer', col: 'A', label: '客户', type: 'text', maxLength: 10 },
    { key: 'channel', col: 'B', label: '方式', type: 'enum', enum: ['上门', '电话'] },
    { key: 'mobile', col: 'C', label: '手机', type: 'phone', required: false },
    { key: 'satisfied', col: 'D', label: '满意', type: 'boolean' },
    { key: 'score', col: 'E', label: '评分', type: 'integer', min: 0, max: 10 },
    { key: 'doubled', col: 'F', label: '双倍评分', type: 'integer', required: false, formula: 'E{r}*2' },
  ],
  rules: [
    { kind: 'required-when', column: 'C', when: { column: 'B', equals: '电话' } },
    { kind: 'below-when', column: 'E', when: { column: 'D', equals: true }, below: 6, severity: 'error' },
  ],
  summary: { units: 'outlets', columns: [{ agg: 'count', label: '回访' }], rankBy: '回访' },
});

const header = { outlet: '新华路网点', visitDay: '2026-12-09' };
const good = { A: '王五', B: '上门', D: '是', E: 8 };

describe('validateSheet with a template defined only as data', () => {
  it('finds nothing in a well-filled sheet of the new template', () => {
    const grid = buildGrid(visitLog, { header, rows: [good] });
    expect(validateSheet(grid, visitLog, { asOf: '2026-12-09' }).findings.map((f) => [f.address, f.code])).toEqual([['回访记录', 'org-rules-skipped']]);
  });

  it('enforces the new template’s labels, types, bounds, rules and computed column', () => {
    // Prepare
    const grid = buildGrid(visitLog, {
      header: { ...header, C2: '日期', visitDay: '12/9' },
      rows: [
        { ...good, A: '一二三四五六七八九十一', B: '电话' },
        { ...good, D: 'Y', E: 5 },
        { ...good, E: 11, F: 22 },
      ],
      withoutFormulas: ['F8'],
    });
    // Act
    const result = validateSheet(grid, visitLog, { asOf: '2026-12-09' });
    // Assess
    expect(result.findings.map((f) => [f.address, f.code])).toEqual([
      ['回访记录!C2', 'incorrect-label'],
      ['回访记录!D2', 'type-error'],
      ['回访记录!A6', 'constraint-error'],
      ['回访记录!C6', 'cross-field-error'],
      ['回访记录!D7', 'type-error'],
      ['回访记录!E7', 'cross-field-error'],
      ['回访记录!E8', 'constraint-error'],
      ['回访记录!F8', 'computed-cell-overwritten'],
      ['回访记录', 'org-rules-skipped'],
    ]);
  });

  it('is found in a workbook by its sheet name through a registry, like the built-in ones', () => {
    const registry = createTemplateRegistry([visitLog]);
    const result = validateWorkbook(
      { sheets: [buildGrid(visitLog, { header, rows: [good] })], identities: [{ sheetName: '回访记录', id: 'visit-log', version: 1 }] },
      registry,
      { asOf: '2026-12-09' },
    );
    expect([result.template, result.rows.map((r) => r.values)]).toEqual([
      { id: 'visit-log', version: 1 },
      [{ A: '王五', B: '上门', C: null, D: '是', E: 8, F: null }],
    ]);
  });
});
