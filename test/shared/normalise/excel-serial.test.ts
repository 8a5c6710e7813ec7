/**
 * The one pair of Excel serial (1900 date system) ⇄ calendar day conversions, and ExcelJS's side of it.
 * Excel counts the fictitious 1900-02-29 as serial 60, so serials below 61 are one less than a plain day count.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { dateFromExcelSerial } from '#shared/normalise/date-from-excel-serial';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { dateToExcelSerial, isoDayToDate } from '#shared/xlsx/_lib/excel-date';

const MS_PER_DAY = 86_400_000;
const FIRST_REAL_COUNT_DAY = Date.UTC(1900, 2, 1);
const LAST_DAY = Date.UTC(9999, 11, 31);

/** Any day from 1900-03-01 to 9999-12-31. */
const dayAfterLeapBug = fc.integer({ min: FIRST_REAL_COUNT_DAY / MS_PER_DAY, max: LAST_DAY / MS_PER_DAY }).map((epochDay) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10));

describe('excelSerialFromDate and dateFromExcelSerial', () => {
  it('round-trip every day from 1900-03-01 to 9999-12-31 (sampled), each serial being days since 1899-12-30', () => {
    fc.assert(
      fc.property(dayAfterLeapBug, (iso) => {
        const serial = excelSerialFromDate(iso);
        expect(serial).toBe(Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / MS_PER_DAY));
        expect(dateFromExcelSerial(serial as number)).toBe(iso);
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trip every serial from 1 to 100,000 but 60', () => {
    const broken: number[] = [];
    for (let serial = 1; serial <= 100_000; serial++) {
      if (serial === 60) continue;
      const iso = dateFromExcelSerial(serial);
      if (iso === null || excelSerialFromDate(iso) !== serial) broken.push(serial);
    }
    expect(broken).toEqual([]);
  });

  it('give 46000 for 2025-12-09, and 46357 for 2026-12-01', () => {
    expect([excelSerialFromDate('2025-12-09'), excelSerialFromDate('2026-12-01'), dateFromExcelSerial(46000), dateFromExcelSerial(46357)]).toEqual([46000, 46357, '2025-12-09', '2026-12-01']);
  });

  describe('edge cases', () => {
    it('count 1900-01-01 as 1, 1900-02-28 as 59 and 1900-03-01 as 61, around the fictitious 1900-02-29', () => {
      expect(['1900-01-01', '1900-01-02', '1900-02-28', '1900-03-01'].map(excelSerialFromDate)).toEqual([1, 2, 59, 61]);
      expect([1, 2, 59, 61].map(dateFromExcelSerial)).toEqual(['1900-01-01', '1900-01-02', '1900-02-28', '1900-03-01']);
    });

    it('refuse serial 60 (1900-02-29 never was) and the day itself', () => {
      expect([dateFromExcelSerial(60), dateFromExcelSerial(60.5), excelSerialFromDate('1900-02-29')]).toEqual([null, null, null]);
    });

    it('refuse serials and days outside 1900-01-01..9999-12-31', () => {
      expect([dateFromExcelSerial(0), dateFromExcelSerial(-1), dateFromExcelSerial(2_958_466), dateFromExcelSerial(Number.NaN), dateFromExcelSerial(Infinity)]).toEqual([null, null, null, null, null]);
      expect([excelSerialFromDate('1899-12-31'), excelSerialFromDate('9999-12-31'), excelSerialFromDate('10000-01-01')]).toEqual([null, 2_958_465, null]);
    });

    it('refuse text that is not a real day', () => {
      expect(['2026-02-29', '2026-13-01', '2026-1-1', ' 2026-01-01', '2026年1月1日'].map(excelSerialFromDate)).toEqual([null, null, null, null, null]);
    });

    it('drop the time of day of a serial', () => {
      expect([dateFromExcelSerial(46000.75), dateFromExcelSerial(59.999)]).toEqual(['2025-12-09', '1900-02-28']);
    });
  });
});

describe("ExcelJS's side (isoDayToDate, dateToExcelSerial)", () => {
  it('gives ExcelJS a Date it writes as the true serial, before 1900-03-01 too', async () => {
    // Prepare
    const days = ['1900-01-01', '1900-02-28', '1900-03-01', '2026-12-01'];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    days.forEach((day, i) => (sheet.getCell(i + 1, 1).value = isoDayToDate(day) ?? null));
    // Act
    const xml = await sheetXmlOf(workbook);
    // Assess
    expect([...xml.matchAll(/<c r="A\d+"[^>]*><v>([^<]+)<\/v>/g)].map((m) => Number(m[1]))).toEqual([1, 59, 61, 46357]);
  });

  it('reads the Date ExcelJS makes of a serial back as that serial', () => {
    expect([1, 59, 61, 46357.5].map((serial) => dateToExcelSerial(new Date(Math.round((serial - 25569) * MS_PER_DAY))))).toEqual([1, 59, 61, 46357.5]);
  });

  it('has no Date for a day Excel cannot hold', () => {
    expect([isoDayToDate('1899-12-31'), isoDayToDate('2026-02-30')]).toEqual([undefined, undefined]);
  });
});

async function sheetXmlOf(workbook: ExcelJS.Workbook): Promise<string> {
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  return strFromU8(files['xl/worksheets/sheet1.xml']);
}
