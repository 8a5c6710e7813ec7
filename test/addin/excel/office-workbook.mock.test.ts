/**
 * The Office.js adapter against office-addin-mock (Microsoft's mock, which fails on reading a property that was
 * never loaded): reading the active sheet loads what it reads. Sync counts are asserted with the counting fake
 * in office-workbook.test.ts, because the mock neither counts syncs nor models collections.
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; that package pulls in ESM-only
// modules Jest's CommonJS runtime cannot load, so the enum is given here.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { OfficeWorkbook, type ExcelRunner } from '../../../addin/src/excel/office-workbook';

function mockExcel() {
  const data = {
    context: {
      workbook: {
        activeSheet: {
          name: '邀约明细',
          usedRange: { values: [['网点客户邀约每日明细表', ''], ['支行', '3301']], formulas: [['网点客户邀约每日明细表', ''], ['支行', '3301']], rowIndex: 0, columnIndex: 0, isNullObject: false },
          getUsedRangeOrNullObject() {
            return this.usedRange;
          },
        },
        metaSheet: {
          usedRange: { values: [['邀约明细', 'invite-daily', 1]], isNullObject: false },
          getUsedRangeOrNullObject() {
            return this.usedRange;
          },
        },
        worksheets: {
          getActiveWorksheet() {
            return (this as unknown as { parent: unknown }).parent;
          },
        },
      },
    },
    run: async function <T>(this: { context: unknown }, callback: (context: unknown) => Promise<T>) {
      return callback(this.context);
    },
  };
  return data;
}

describe('OfficeWorkbook with office-addin-mock', () => {
  it('reads the active sheet and the identity sheet after loading them', async () => {
    // Prepare: the mock's functions cannot reach their parents, so the worksheet accessors are plain closures.
    const data = mockExcel();
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getActiveWorksheet: () => active,
            getItemOrNullObject: () => meta,
          },
        },
      },
    });
    const active = new OfficeMockObject({
      name: '邀约明细',
      getUsedRangeOrNullObject: () => used,
    });
    const { isNullObject: _usedIsNull, ...usedData } = data.context.workbook.activeSheet.usedRange;
    const used = new OfficeMockObject(usedData);
    // isNullObject is read after a sync without being loaded, in Excel; the mock would ask for a load.
    used.isNullObject = _usedIsNull;
    const meta = new OfficeMockObject({ getUsedRangeOrNullObject: () => metaUsed });
    const { isNullObject: _metaIsNull, ...metaData } = data.context.workbook.metaSheet.usedRange;
    const metaUsed = new OfficeMockObject(metaData);
    metaUsed.isNullObject = _metaIsNull;
    const context = mock.context;
    context.sync = async () => {
      await Promise.all([active.sync(), used.sync(), metaUsed.sync()]);
    };
    // The mock stands in for Excel.RequestContext; its type is any by design of office-addin-mock.
    const run: ExcelRunner = async (batch) => batch(context);
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
});
