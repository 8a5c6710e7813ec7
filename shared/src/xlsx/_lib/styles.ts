import type { Alignment, Border, Borders, Fill, Font, Style } from 'exceljs';
import type { ValueType } from '../../spec/schema';

/** Number formats by value type. */
export const NUMBER_FORMATS = {
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  integer: '0',
  number: 'General',
  percent: '0.00%',
  text: '@',
} as const;

/** The number format of a value type in a data cell. */
export function numberFormatOf(type: ValueType): string {
  switch (type) {
    case 'money':
      return NUMBER_FORMATS.money;
    case 'date':
      return NUMBER_FORMATS.date;
    case 'integer':
      return NUMBER_FORMATS.integer;
    case 'phone':
    case 'text':
    case 'month':
      return NUMBER_FORMATS.text;
    default:
      return NUMBER_FORMATS.number;
  }
}

const thin: Border = { style: 'thin', color: { argb: 'FF8EA9C1' } };
export const thinBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const labelFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const computedFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

const bold: Partial<Font> = { bold: true };
const centreWrap: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/** A fresh style object (ExcelJS shares style objects between cells that are given the same one). */
export function style(parts: Partial<Style>): Partial<Style> {
  return JSON.parse(JSON.stringify(parts)) as Partial<Style>;
}

export const titleStyle = (): Partial<Style> =>
  style({ font: { bold: true, size: 16 }, alignment: { vertical: 'middle' }, protection: { locked: true } });
export const labelStyle = (): Partial<Style> =>
  style({ font: bold, fill: labelFill, border: thinBorders, alignment: { vertical: 'middle' }, protection: { locked: true } });
export const headerStyle = (): Partial<Style> =>
  style({ font: bold, fill: headerFill, border: thinBorders, alignment: centreWrap, protection: { locked: true } });
export const inputStyle = (numFmt: string): Partial<Style> =>
  style({ numFmt, border: thinBorders, protection: { locked: false } });
export const formulaStyle = (numFmt: string): Partial<Style> =>
  style({ numFmt, fill: computedFill, border: thinBorders, protection: { locked: true } });
export const lockedBlankStyle = (): Partial<Style> => style({ protection: { locked: true } });
