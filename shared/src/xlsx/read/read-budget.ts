/**
 * What one read of a workbook may still spend (workbook-limits.ts): unpacked bytes over all parts
 * read, cells over all worksheets, rows with content per worksheet, and the grid's slots (a cell in
 * column XFD makes its row 16,384 values long). Each is checked as the bytes and cells arrive, so
 * a hostile file costs what the caps allow and no more.
 */
import { createFinding } from '../../findings/create-finding';
import type { LocalisedText } from '../../findings/render-message';
import { WorkbookTooLargeError } from '../workbook-read-error';
import type { WorkbookReadLimits } from '../workbook-limits';

/** Where a finding about the file as a whole stands. */
export const WORKBOOK_PLACE = { sheetName: '工作簿' } as const;

/**
 * Grid slots (values up to each row's last filled column) per allowed cell: a template row is about
 * as long as it has cells, so only a sheet spread thin over far columns reaches this.
 */
const SLOTS_PER_CELL = 4;

/** "32 MB", "1.1 GB": sizes in messages, binary units. */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
  if (bytes >= 2 ** 10) return `${Math.round(bytes / 2 ** 10)} KB`;
  return `${bytes} B`;
}

export function unpackedOverCap(size: LocalisedText, limits: WorkbookReadLimits): WorkbookTooLargeError {
  return new WorkbookTooLargeError(createFinding('upload-too-large', WORKBOOK_PLACE, { variant: 'unpacked', slots: { size, cap: formatBytes(limits.maxUnpackedBytes) } }));
}

export class ReadBudget {
  private unpacked = 0;
  private cells = 0;
  private slots = 0;

  constructor(readonly limits: WorkbookReadLimits) {}

  /** Counts bytes as they come out of the inflater. */
  spendUnpacked(bytes: number): void {
    this.unpacked += bytes;
    if (this.unpacked > this.limits.maxUnpackedBytes) {
      // Inflating stops here: all that is known is that it is more than the cap.
      const cap = formatBytes(this.limits.maxUnpackedBytes);
      throw unpackedOverCap({ zh: `${cap} 以上`, en: `more than ${cap}` }, this.limits);
    }
  }

  /** Counts one `<c>` element, with content or only a style. */
  spendCell(): void {
    if (++this.cells > this.limits.maxCells) this.cellsOverCap(this.cells);
  }

  /** Counts the slots of one grid row (its length up to its last filled column). */
  spendSlots(count: number): void {
    this.slots += count;
    if (this.slots > this.limits.maxCells * SLOTS_PER_CELL) this.cellsOverCap(this.slots);
  }

  /** Checks a worksheet's count of rows with content. */
  checkRows(sheetName: string, rowsWithContent: number): void {
    if (rowsWithContent <= this.limits.maxSheetRows) return;
    throw new WorkbookTooLargeError(
      createFinding('too-many-rows', { sheetName }, {
        variant: 'file',
        slots: { count: rowsWithContent, maxRows: this.limits.maxSheetRows, dataRows: this.limits.maxDataRows },
      }),
    );
  }

  private cellsOverCap(count: number): never {
    throw new WorkbookTooLargeError(createFinding('too-many-rows', WORKBOOK_PLACE, { variant: 'cells', slots: { count, maxCells: this.limits.maxCells } }));
  }
}
