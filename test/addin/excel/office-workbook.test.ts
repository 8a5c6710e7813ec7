/**
 * The Office.js adapter on a counting fake of Excel (test/addin/excel/fake-excel.ts): what each action reads and
 * writes, and how many syncs it takes, for a few rows and for many.
 */
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { HIGHLIGHT_MARKERS, MAX_PAYLOAD_CHARS, OfficeWorkbook } from '#addin/excel/office-workbook';
import { planTemplateSheet } from '#addin/sheets/plan-template-sheet';
import { planConsolidatedWorkbook } from '#shared/summary-sheet/plan-consolidated-workbook';
import type { ConsolidatedSummaryView } from '#addin/api/types';
import { createFakeExcel, type FakeWorksheet } from './fake-excel';

const inviteDaily = builtinTemplates.find((s) => s.id === 'invite-daily')!;

function fillRows(sheet: FakeWorksheet, count: number): void {
  for (let r = 5; r < 5 + count; r++) {
    sheet.cell('B', r).value = `客户${r}`;
    sheet.cell('K', r).value = '是';
  }
}

describe('OfficeWorkbook', () => {
  describe('readActiveSheet', () => {
    it('reads values, formulas and identities in one sync, as a grid from A1', async () => {
      // Prepare
      const { workbook, run } = createFakeExcel(['邀约明细', '_pts_meta']);
      const sheet = workbook.sheets[0];
      sheet.cell('B', 2).value = '3301';
      sheet.cell('D', 3).formula = '=COUNTIF(K5:K504,"是")';
      const meta = workbook.sheets[1];
      meta.cell('A', 1).value = '邀约明细';
      meta.cell('B', 1).value = 'invite-daily';
      meta.cell('C', 1).value = 1;
      const host = new OfficeWorkbook(run);

      // Act
      const read = await host.readActiveSheet();

      // Assess
      expect(host.lastSyncCount).toBe(1);
      expect(read.ok && read.value.workbook).toEqual({
        sheets: [
          {
            sheetName: '邀约明细',
            values: [[], [null, '3301', null, null], [null, null, null, null]],
            formulas: [[], [null, null, null, null], [null, null, null, '=COUNTIF(K5:K504,"是")']],
          },
        ],
        identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }],
      });
    });

    it('takes one sync for 10 rows and for 2000 rows', async () => {
      for (const rows of [10, 2000]) {
        const { workbook, run } = createFakeExcel(['邀约明细']);
        fillRows(workbook.sheets[0], rows);
        const host = new OfficeWorkbook(run);
        const read = await host.readActiveSheet();
        expect(read.ok && read.value.workbook.sheets[0].values.length).toBe(4 + rows);
        expect(host.lastSyncCount).toBe(1);
      }
    });
  });

  describe('updateActiveSheet', () => {
    it('writes highlights as its own conditional formats in one more sync, leaving the user fill alone', async () => {
      // Prepare
      const { workbook, context, run } = createFakeExcel(['邀约明细']);
      const sheet = workbook.sheets[0];
      sheet.cell('E', 5).fill = '#00FF00';
      const host = new OfficeWorkbook(run);

      // Act
      const result = await host.updateActiveSheet(() => ({
        result: 'checked',
        writes: [{ cell: 'A5', value: 1 }],
        highlights: [
          { cell: 'E5', severity: 'error' },
          { cell: 'F5', severity: 'warning' },
          { cell: 'K6', severity: 'error' },
        ],
      }));

      // Assess
      expect(result).toEqual({ ok: true, value: 'checked' });
      expect(host.lastSyncCount).toBe(2);
      expect(sheet.conditionalFormats.map((c) => [c.areas, c.custom.rule.formula])).toEqual([
        ['E5,K6', HIGHLIGHT_MARKERS.error],
        ['F5', HIGHLIGHT_MARKERS.warning],
      ]);
      expect(sheet.cell('E', 5).fill).toBe('#00FF00');
      expect(sheet.cell('A', 5).value).toBe(1);
      expect(context.log.some(([kind]) => kind === 'fill')).toBe(false);
    });

    it('replaces its previous highlights and keeps the user conditional formats', async () => {
      // Prepare
      const { workbook, run } = createFakeExcel(['邀约明细']);
      const sheet = workbook.sheets[0];
      const host = new OfficeWorkbook(run);
      await host.updateActiveSheet(() => ({ result: null, highlights: [{ cell: 'B5', severity: 'error' }] }));
      const userRule = sheet.getRange('H5:H10').conditionalFormats.add('Custom');
      userRule.custom.rule.formula = '=H5>60';

      // Act
      await host.updateActiveSheet(() => ({ result: null, highlights: [{ cell: 'C7', severity: 'warning' }] }));

      // Assess
      expect(host.lastSyncCount).toBe(2);
      expect(sheet.conditionalFormats.map((c) => [c.areas, c.custom.rule.formula])).toEqual([
        ['H5:H10', '=H5>60'],
        ['C7', HIGHLIGHT_MARKERS.warning],
      ]);
    });

    it('takes two syncs whether it marks 5 cells or 1000', async () => {
      for (const count of [5, 1000]) {
        const { workbook, run } = createFakeExcel(['邀约明细']);
        fillRows(workbook.sheets[0], count);
        const host = new OfficeWorkbook(run);
        await host.updateActiveSheet(() => ({
          result: null,
          highlights: Array.from({ length: count }, (_, i) => ({ cell: `K${5 + i}`, severity: 'error' as const })),
        }));
        expect(host.lastSyncCount).toBe(2);
        const marked = workbook.sheets[0].conditionalFormats.flatMap((c) => c.areas.split(','));
        expect(marked).toHaveLength(count);
      }
    });

    it('writes a fix that looks like a formula as text', async () => {
      const { workbook, run } = createFakeExcel(['邀约明细']);
      const host = new OfficeWorkbook(run);
      await host.updateActiveSheet(() => ({ result: null, writes: [{ cell: 'T5', value: '=HYPERLINK("http://x")' }] }));
      const cell = workbook.sheets[0].cell('T', 5);
      expect([cell.numberFormat, cell.value, cell.formula]).toEqual(['@', '=HYPERLINK("http://x")', null]);
    });

    it('writes a restored template formula as a formula, in its number format, also over a text-formatted cell', async () => {
      const { workbook, run } = createFakeExcel(['活动追踪']);
      const cell = workbook.sheets[0].cell('Q', 5);
      cell.numberFormat = '@';
      cell.value = '23.08';
      const host = new OfficeWorkbook(run);
      await host.updateActiveSheet(() => ({ result: null, writes: [{ cell: 'Q5', value: null, formula: '=IF(N5>0,P5/N5,"")', numberFormat: '0.00' }] }));
      expect([cell.numberFormat, cell.formula]).toEqual(['0.00', '=IF(N5>0,P5/N5,"")']);
      expect(host.lastSyncCount).toBe(2);
    });

    it('takes one sync when there is nothing to write', async () => {
      const { run } = createFakeExcel(['邀约明细']);
      const host = new OfficeWorkbook(run);
      await host.updateActiveSheet(() => ({ result: 1 }));
      expect(host.lastSyncCount).toBe(1);
    });
  });

  describe('clearHighlights', () => {
    it('deletes only the rules with its marker', async () => {
      const { workbook, run } = createFakeExcel(['邀约明细']);
      const sheet = workbook.sheets[0];
      const host = new OfficeWorkbook(run);
      await host.updateActiveSheet(() => ({ result: null, highlights: [{ cell: 'B5', severity: 'error' }, { cell: 'C5', severity: 'warning' }] }));
      sheet.getRange('H5:H10').conditionalFormats.add('CellValue');

      const removed = await host.clearHighlights();

      expect(removed).toEqual({ ok: true, value: 2 });
      expect(host.lastSyncCount).toBe(2);
      expect(sheet.conditionalFormats.map((c) => c.type)).toEqual(['CellValue']);
    });
  });

  describe('selectCell', () => {
    it('activates the sheet and selects the cell in one sync', async () => {
      const { workbook, run } = createFakeExcel(['Sheet1', '邀约明细']);
      const host = new OfficeWorkbook(run);
      const result = await host.selectCell('邀约明细!K12');
      expect(result.ok).toBe(true);
      expect([workbook.activeName, workbook.selection, host.lastSyncCount]).toEqual(['邀约明细', '邀约明细!K12', 1]);
    });

    it('refuses an address that is not a cell', async () => {
      const { run } = createFakeExcel();
      const result = await new OfficeWorkbook(run).selectCell('邀约明细');
      expect(result).toMatchObject({ ok: false, code: 'bad-address' });
    });
  });

  describe('insertTemplateSheet', () => {
    it('adds the sheet, drop-downs, formulas and identity in two syncs', async () => {
      // Prepare
      const { workbook, run } = createFakeExcel(['Sheet1']);
      const host = new OfficeWorkbook(run);
      const plan = planTemplateSheet(inviteDaily, { header: { subBranch: '3301', outlet: '3301001', reportDate: '2026-12-01', submitter: '=cmd|calc' } });

      // Act
      const result = await host.insertTemplateSheet(plan);

      // Assess
      expect(result).toEqual({ ok: true, value: { sheetName: '邀约明细' } });
      expect(host.lastSyncCount).toBe(2);
      const sheet = workbook.sheets.find((s) => s.name === '邀约明细')!;
      expect(sheet.cell('A', 1).value).toBe('网点客户邀约每日明细表');
      expect(sheet.cell('F', 2).value).toBe(46357);
      expect(sheet.cell('F', 2).numberFormat).toBe('yyyy-mm-dd');
      expect([sheet.cell('H', 2).value, sheet.cell('H', 2).formula, sheet.cell('H', 2).numberFormat]).toEqual(['=cmd|calc', null, '@']);
      expect(sheet.cell('D', 3).formula).toBe('=COUNTIF(K5:K504,"是")');
      expect(sheet.cell('K', 4).value).toBe('是否有效邀约');
      expect(sheet.validations).toContainEqual({ address: 'K5:K504', rule: { list: { inCellDropDown: true, source: '是,否' } } });
      expect(sheet.validations).toContainEqual({ address: 'E5:E504', rule: { list: { inCellDropDown: true, source: '普通客户,高端客户' } } });
      expect(sheet.frozenRows).toBe(4);
      expect(workbook.activeName).toBe('邀约明细');
      const meta = workbook.sheets.find((s) => s.name === '_pts_meta')!;
      expect(meta.visibility).toBe('VeryHidden');
      expect([meta.cell('A', 1).value, meta.cell('B', 1).value, meta.cell('C', 1).value]).toEqual(['邀约明细', 'invite-daily', 1]);
      expect(sheet.changeHandlers).toHaveLength(1);
    });

    it('numbers 序号 when the sheet changes', async () => {
      const { workbook, run } = createFakeExcel(['Sheet1']);
      const host = new OfficeWorkbook(run);
      await host.insertTemplateSheet(planTemplateSheet(inviteDaily));
      const sheet = workbook.sheets.find((s) => s.name === '邀约明细')!;
      sheet.cell('B', 5).value = '张三';
      sheet.cell('B', 6).value = '李四';

      await sheet.changeHandlers[0]();

      expect([sheet.cell('A', 5).value, sheet.cell('A', 6).value, sheet.cell('A', 7).value]).toEqual([1, 2, null]);
      expect(host.lastSyncCount).toBe(2);
    });

    it('appends the identity below those already in _pts_meta', async () => {
      const { workbook, run } = createFakeExcel(['Sheet1', '_pts_meta']);
      const meta = workbook.sheets[1];
      meta.cell('A', 1).value = '活动追踪';
      meta.cell('B', 1).value = 'activity-tracking';
      meta.cell('C', 1).value = 1;
      await new OfficeWorkbook(run).insertTemplateSheet(planTemplateSheet(inviteDaily));
      expect([meta.cell('A', 2).value, meta.cell('B', 2).value]).toEqual(['邀约明细', 'invite-daily']);
    });

    it('numbers the name when it is taken, and replaces the identity row of that name', async () => {
      // Prepare: a sheet 邀约明细 exists, and _pts_meta names a deleted '邀约明细 (2)' from an older version.
      const { workbook, run } = createFakeExcel(['邀约明细', '_pts_meta']);
      const meta = workbook.sheets[1];
      [['邀约明细', 'invite-daily', 1], ['邀约明细 (2)', 'invite-daily', 0]].forEach((row, r) =>
        row.forEach((v, c) => (meta.cell(['A', 'B', 'C'][c], r + 1).value = v)),
      );
      const host = new OfficeWorkbook(run);

      // Act
      const result = await host.insertTemplateSheet(planTemplateSheet(inviteDaily));

      // Assess
      expect(result).toEqual({ ok: true, value: { sheetName: '邀约明细 (2)' } });
      expect(host.lastSyncCount).toBe(2);
      expect(workbook.activeName).toBe('邀约明细 (2)');
      expect([meta.cell('A', 2).value, meta.cell('C', 2).value, meta.cell('A', 3).value]).toEqual(['邀约明细 (2)', 1, null]);
    });
  });

  describe('writeSummarySheets', () => {
    function summary(outlets: number): ConsolidatedSummaryView {
      return {
        template: 'invite-daily',
        subBranch: '3301',
        from: '2026-12-01',
        to: '2026-12-01',
        ranking: 'rank.eq',
        outlets: Array.from({ length: outlets }, (_, i) => ({
          outlet: `3301${String(i + 1).padStart(3, '0')}`,
          outletName: i === 0 ? '=网点' : `网点${i + 1}`,
          rank: i + 1,
          values: { 邀约人次: 50 - i, 有效邀约: 16 - (i % 16), 有效邀约达成率: (16 - (i % 16)) / 15 },
        })),
        missing: [{ outlet: '3301999', outletName: '未报网点' }],
        total: { 邀约人次: 100 },
        rows: [{ outlet: '3301001', period: '2026-12-01', version: 1, rows: [{ rowNumber: 5, values: { B: '张三', C: '138****8000', K: '是', M: '2026-12-08' } }] }],
      };
    }

    it('replaces the sheets of the period, with table, chart and rows sheet, in two syncs', async () => {
      // Prepare
      const { workbook, context, run } = createFakeExcel(['Sheet1', '汇总 2026-12-01']);
      const host = new OfficeWorkbook(run);

      // Act
      const result = await host.writeSummarySheets(planConsolidatedWorkbook(inviteDaily, summary(3)));

      // Assess
      expect(result).toEqual({ ok: true, value: { sheetName: '汇总 2026-12-01' } });
      expect(host.lastSyncCount).toBe(2);
      expect(context.log.filter(([k]) => k === 'delete-sheet').map(([, name]) => name)).toEqual(['汇总 2026-12-01']);
      expect(workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', '汇总 2026-12-01', '明细 2026-12-01']);
      const sheet = workbook.sheets.find((s) => s.name === '汇总 2026-12-01')!;
      expect(sheet.cell('A', 4).value).toBe('排名');
      expect([sheet.cell('C', 5).value, sheet.cell('C', 5).formula, sheet.cell('C', 5).numberFormat]).toEqual(['=网点', null, '@']);
      expect(sheet.cell('A', 8).value).toBe('未报送');
      expect(sheet.cell('A', 9).bold).toBe(true);
      expect(sheet.cell('A', 8).fill).toBe('#EDEDED');
      expect([sheet.frozenRows, sheet.autoFilterRange, sheet.printTitleRows]).toEqual([4, 'A4:N9', '$1:$4']);
      expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
      expect(sheet.charts.items[0]).toMatchObject({
        type: 'BarClustered',
        values: 'L5:L7',
        categories: 'C5:C7',
        title: { text: '有效邀约达成率' },
        axes: { categoryAxis: { reversePlotOrder: true } },
        position: 'A11:N24',
      });
      expect(context.log.filter(([k, name]) => k === 'columnWidth' && name === 'pts-summary-new-1')).toHaveLength(14);
      const rowsSheet = workbook.sheets.find((s) => s.name === '明细 2026-12-01')!;
      expect([rowsSheet.cell('E', 5).value, rowsSheet.cell('F', 5).value]).toEqual(['张三', '138****8000']);
      expect(workbook.activeName).toBe('汇总 2026-12-01');
    });

    it('takes two syncs for 10 outlets and for 2000', async () => {
      for (const n of [10, 2000]) {
        const { run } = createFakeExcel();
        const host = new OfficeWorkbook(run);
        await host.writeSummarySheets(planConsolidatedWorkbook(inviteDaily, summary(n)));
        expect(host.lastSyncCount).toBe(2);
      }
    });

    it('splits a payload beyond the request limit into chunks, one sync each', async () => {
      // Prepare: 40,000 detail rows of long remarks, about 9 MB.
      const big = summary(2);
      big.rows = [{ outlet: '3301001', period: '2026-12-01', version: 1, rows: Array.from({ length: 40_000 }, (_, i) => ({ rowNumber: 5 + i, values: { B: `客户${i}`, T: '备注'.repeat(100) } })) }];
      const { context, run } = createFakeExcel();
      const host = new OfficeWorkbook(run);

      // Act
      const result = await host.writeSummarySheets(planConsolidatedWorkbook(inviteDaily, big));

      // Assess
      expect(result.ok).toBe(true);
      expect(host.lastSyncCount).toBeGreaterThan(2);
      expect(context.largestPayload).toBeLessThan(MAX_PAYLOAD_CHARS * 1.25);
    });
  });

  it('turns an Office error into a typed failure', async () => {
    const host = new OfficeWorkbook(async () => {
      throw new Error('GeneralException');
    });
    const result = await host.readActiveSheet();
    expect(result).toEqual({ ok: false, code: 'office-error', message_zh: 'Excel 操作失败', message_en: 'Excel could not carry out the action', detail: 'GeneralException' });
  });
});
