/**
 * The Office.js adapter against office-addin-mock (Microsoft's mock, which answers "property was not loaded" for a
 * property read without load and sync): reading the active sheet loads all it reads. Sync counts are asserted
 * with the counting fake in office-workbook.test.ts, because the mock neither counts syncs nor models collections.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbook, type ExcelRunner } from '#addin/excel/office-workbook';

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; that package pulls in ESM-only
// modules Jest's CommonJS runtime cannot load, so the enum is given here.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

function excelMock(usedRange: Record<string, unknown>) {
  const used = new OfficeMockObject(usedRange);
  // In Excel, isNullObject is read after a sync without being loaded; the mock would ask for a load.
  used.isNullObject = false;
  const metaUsed = new OfficeMockObject({ values: [['邀约明细', 'invite-daily', 1]] });
  metaUsed.isNullObject = false;
  const active = new OfficeMockObject({ name: '邀约明细', getUsedRangeOrNullObject: () => used });
  const meta = new OfficeMockObject({ getUsedRangeOrNullObject: () => metaUsed });
  const mock = new OfficeMockObject({
    context: { workbook: { worksheets: { getActiveWorksheet: () => active, getItemOrNullObject: () => meta } } },
  });
  const context = mock.context;
  context.sync = async () => {
    await Promise.all([active.sync(), used.sync(), metaUsed.sync()]);
  };
  // The mock stands in for Excel.RequestContext; office-addin-mock types it as any by design.
  const run: ExcelRunner = async (batch) => batch(context);
  return run;
}

describe('OfficeWorkbook with office-addin-mock', () => {
  it('reads the active sheet and the identity sheet after loading them', async () => {
    // Prepare
    const run = excelMock({
      values: [['网点客户邀约每日明细表', ''], ['支行', '3301']],
      formulas: [['网点客户邀约每日明细表', ''], ['支行', '3301']],
      rowIndex: 0,
      columnIndex: 0,
    });
    const host = new OfficeWorkbook(run);

    // Act
    const read = await host.readActiveSheet();

    // Assess
    expect(read).toEqual({
      ok: true,
      value: {
        sheetName: '邀约明细',
        workbook: {
          sheets: [{ sheetName: '邀约明细', values: [['网点客户邀约每日明细表', null], ['支行', '3301']], formulas: [[null, null], [null, null]] }],
          identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }],
        },
      },
    });
    expect(host.lastSyncCount).toBe(1);
  });

  it('would see "not loaded" had the adapter skipped a load (the mock can fail)', async () => {
    // A range whose rowIndex the mock does not hold: loading it is refused, so the read fails as a typed failure.
    const run = excelMock({ values: [['x']], formulas: [['x']], columnIndex: 0 });
    const read = await new OfficeWorkbook(run).readActiveSheet();
    expect(read).toMatchObject({ ok: false, code: 'office-error' });
  });
});
