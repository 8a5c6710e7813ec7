import type { TemplateSpec } from './schema';

/**
 * The formula the issued template holds at a cell (`row` 1-based, `column` letters), with its leading
 * '=' (`=IF(N5>0,P5/N5,"")`, `=COUNTIF(K5:K504,"是")`), or null when the template has none there.
 * A computed header cell's `{first}`/`{last}` become the first and last data row of the issued template
 * (`firstDataRow + dataRows - 1`); a computed column's `{r}` becomes the row, in every data row from
 * the first on. The one expansion of the spec's formulas: the template writers and the safe fix that
 * restores a deleted formula all take it from here.
 */
export function templateFormulaAt(spec: TemplateSpec, row: number, column: string): string | null {
  const address = `${column}${row}`;
  const computed = spec.computedCells.find((cell) => cell.valueCell === address);
  if (computed) {
    const last = spec.firstDataRow + spec.dataRows - 1;
    return withEquals(computed.formula.replaceAll('{first}', String(spec.firstDataRow)).replaceAll('{last}', String(last)));
  }
  if (row < spec.firstDataRow) return null;
  const formula = spec.columns.find((c) => c.col === column)?.formula;
  return formula === undefined ? null : withEquals(formula.replaceAll('{r}', String(row)));
}

function withEquals(formula: string): string {
  return formula.startsWith('=') ? formula : `=${formula}`;
}
