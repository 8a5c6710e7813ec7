import type { TemplateSpec } from '../spec/schema';
import type { TypedRow } from '../validation/types';
import { maskPhone } from './mask-phone';

/** Copies of `rows` with every value of the spec's `phone` columns masked (`GET /consolidated?rows=1`, summary workbooks). */
export function maskPhoneColumns(spec: TemplateSpec, rows: readonly TypedRow[]): TypedRow[] {
  const phoneColumns = spec.columns.filter((column) => column.type === 'phone').map((column) => column.col);
  return rows.map((row) => {
    const values = { ...row.values };
    for (const col of phoneColumns) {
      const value = values[col];
      if (value !== null && value !== undefined && value !== '') values[col] = maskPhone(String(value));
    }
    return { rowNumber: row.rowNumber, values };
  });
}
