import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { WorkbookReadError } from '#shared/xlsx/workbook-read-error';

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function readError(bytes: Uint8Array): Promise<WorkbookReadError> {
  try {
    await readWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error('readWorkbook accepted the bytes');
}

describe('readWorkbook', () => {
  it('gives numbers, text and booleans as they are and leaves gaps as null', async () => {
    // Prepare
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('邀约明细');
    sheet.getCell('A1').value = 1;
    sheet.getCell('C1').value = '存量客户';
    sheet.getCell('B3').value = true;
    // Act
    const grid = await readWorkbook(await bytesOf(workbook));
    // Assess
    expect(grid.sheets).toEqual([
      { sheetName: '邀约明细', values: [[1, null, '存量客户'], [], [null, true]], formulas: [[], [], []] },
    ]);
    expect(grid.identities).toEqual([]);
  });

  it('turns date-formatted cells into Excel serials of the 1900 system', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getCell('A1').value = new Date(Date.UTC(2026, 11, 8));
    sheet.getCell('A1').numFmt = 'yyyy-mm-dd';
    sheet.getCell('A2').value = 46364;
    sheet.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('A3').value = new Date(Date.UTC(2026, 11, 8, 12));
    sheet.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
    const grid = await readWorkbook(await bytesOf(workbook));
    expect(grid.sheets[0].values.map((r) => r[0])).toEqual([46364, 46364, 46364.5]);
  });

  it('reads rich text as plain text, hyperlinks as their text and errors as their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getCell('A1').value = { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] };
    sheet.getCell('A2').value = { text: '官网', hyperlink: 'https://example.com' };
    sheet.getCell('A3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const grid = await readWorkbook(await bytesOf(workbook));
    expect(grid.sheets[0].values).toEqual([['张三'], ['官网'], ['#N/A']]);
  });

  it('gives formula cells their cached result as value and their formula text, shared formulas resolved', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getCell('A1').value = 2;
    sheet.getCell('A2').value = 3;
    sheet.getCell('A3').value = 4;
    // ExcelJS's typings omit shareType/ref, which its writer honours.
    sheet.getCell('B1').value = { formula: 'A1*2', result: 4, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellFormulaValue;
    sheet.getCell('B2').value = { sharedFormula: 'B1', result: 6 };
    sheet.getCell('B3').value = { sharedFormula: 'B1', result: 8 };
    sheet.getCell('C1').value = { formula: 'SUM(A1:A3)', date1904: false };
    sheet.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    const grid = await readWorkbook(await bytesOf(workbook));
    expect(grid.sheets[0].values).toEqual([
      [2, 4, null, '#DIV/0!'],
      [3, 6],
      [4, 8],
    ]);
    expect(grid.sheets[0].formulas).toEqual([[null, 'A1*2', 'SUM(A1:A3)', '1/0'], [null, 'A2*2'], [null, 'A3*2']]);
  });

  it('reads a merged range as one value in its top-left cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getCell('A1').value = '标题';
    sheet.mergeCells('A1:C1');
    const grid = await readWorkbook(await bytesOf(workbook));
    expect(grid.sheets[0].values).toEqual([['标题']]);
  });

  it('takes identities from _pts_meta and does not return that sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('邀约明细').getCell('A1').value = 'x';
    const meta = workbook.addWorksheet('_pts_meta', { state: 'veryHidden' });
    meta.addRow(['邀约明细', 'invite-daily', 1]);
    meta.addRow(['活动追踪', 'activity-tracking', '2']);
    meta.addRow(['broken', 'x', 'not a version']);
    const grid = await readWorkbook(await bytesOf(workbook));
    expect(grid.sheets.map((s) => s.sheetName)).toEqual(['邀约明细']);
    expect(grid.identities).toEqual([
      { sheetName: '邀约明细', id: 'invite-daily', version: 1 },
      { sheetName: '活动追踪', id: 'activity-tracking', version: 2 },
    ]);
  });

  describe('edge cases', () => {
    it('rejects a text file as not an .xlsx, in Chinese and English', async () => {
      const error = await readError(new TextEncoder().encode('序号,客户姓名\n1,张三\n'));
      expect(error.code).toBe('not-xlsx');
      expect(error.message_zh).toMatch(/不是 Excel 工作簿/);
      expect(error.message_en).toMatch(/not an Excel workbook/);
      expect(error.message).toContain(' / ');
    });

    it('rejects empty bytes as not an .xlsx', async () => {
      expect((await readError(new Uint8Array())).code).toBe('not-xlsx');
    });

    it('rejects a truncated workbook as corrupt', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('s').getCell('A1').value = 'x';
      const bytes = await bytesOf(workbook);
      expect((await readError(bytes.subarray(0, Math.floor(bytes.length / 2)))).code).toBe('corrupt');
    });

    it('rejects a zip whose bytes were damaged as corrupt', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('s').getCell('A1').value = 'x';
      const bytes = new Uint8Array(await bytesOf(workbook));
      for (let i = 200; i < bytes.length - 200; i += 7) bytes[i] ^= 0x5a;
      expect((await readError(bytes)).code).toBe('corrupt');
    });

    // An encrypted .xlsx is an OLE compound file holding EncryptionInfo and EncryptedPackage streams;
    // the directory entry names are UTF-16LE. These bytes carry the OLE signature and such a name.
    it('recognises an encrypted workbook by its OLE container and EncryptedPackage stream', async () => {
      const bytes = oleBytesNaming('EncryptedPackage');
      expect((await readError(bytes)).code).toBe('encrypted');
    });

    it('recognises an old .xls workbook', async () => {
      expect((await readError(oleBytesNaming('Workbook'))).code).toBe('legacy-xls');
    });

    it('rejects a zip that is not a workbook (a .docx) as not an .xlsx', async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
      const docx = await zip.generateAsync({ type: 'uint8array' });
      expect((await readError(docx)).code).toBe('not-xlsx');
    });
  });
});

function oleBytesNaming(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < streamName.length; i++) bytes[1024 + i * 2] = streamName.charCodeAt(i);
  return bytes;
}
