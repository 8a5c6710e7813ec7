import type { DataValidation, Worksheet } from 'exceljs';

type ValidationModel = Record<string, DataValidation | undefined>;

const CELL = /^([A-Z]{1,3})(\d+)$/;

/**
 * ExcelJS 4.4 reads a range validation (`sqref="D5:D504"`) into one entry per cell, and on writing
 * joins cells back starting from the lexicographically first address (D10 before D5), which writes
 * overlapping ranges (D10:D504 and D5:D504) that Excel may repair away. This joins the cells of each
 * validation back into one range per run of rows in a column, before a loaded workbook is written again.
 */
export function compactDataValidations(sheet: Worksheet): void {
  // ExcelJS keeps validations in `dataValidations.model`; its typings do not declare it.
  const holder = (sheet as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
  const groups = new Map<string, { validation: DataValidation; cells: Map<string, number[]> }>();
  const compacted: ValidationModel = {};
  for (const [address, validation] of Object.entries(holder.model)) {
    if (!validation) continue;
    const cell = CELL.exec(address);
    if (!cell) {
      compacted[address] = validation;
      continue;
    }
    const key = JSON.stringify(validation);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { validation, cells: new Map() }));
    const rows = group.cells.get(cell[1]) ?? [];
    rows.push(Number(cell[2]));
    group.cells.set(cell[1], rows);
  }
  for (const { validation, cells } of groups.values()) {
    for (const [column, rows] of cells) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const end = rows[i - 1];
        compacted[start === end ? `${column}${start}` : `${column}${start}:${column}${end}`] = validation;
        start = rows[i];
      }
    }
  }
  holder.model = compacted;
}
