import { useEffect, useReducer } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { MemoryWorkbook } from '../excel/memory-workbook';
import { columnLetters } from '../sheets/addresses';
import { serialToIsoDay } from '../sheets/excel-dates';
import { useI18n } from '../i18n/I18nContext';

export interface MemoryWorkbookViewProps {
  workbook: MemoryWorkbook;
  /** Rows shown (from row 1). */
  rows?: number;
}

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflow: 'auto' },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    maxWidth: '140px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  error: { backgroundColor: tokens.colorPaletteRedBackground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxWidth: '420px' },
  bar: { backgroundColor: tokens.colorBrandBackground, height: '12px' },
});

/** A value as Excel would show it with its number format (dates, percentages, money). */
function displayValue(value: unknown, format: string | null | undefined): string {
  if (typeof value !== 'number') return String(value);
  if (format === 'yyyy-mm-dd') return serialToIsoDay(value);
  if (format === '0.0%') return `${(value * 100).toFixed(1)}%`;
  if (format === '#,##0.00') return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (format === '0.00') return value.toFixed(2);
  return String(value);
}

/** The in-memory workbook drawn as a grid beside the pane (`?host=memory`): what Excel would show. */
export function MemoryWorkbookView({ workbook, rows = 14 }: MemoryWorkbookViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => workbook.subscribe(refresh), [workbook]);
  const visible = workbook.sheets.filter((s) => !s.veryHidden);
  const sheet = visible.find((s) => s.name === workbook.activeSheet) ?? visible[0];
  const grid = sheet ? workbook.grid(sheet) : { values: [], formulas: [] };
  const width = Math.max(1, ...grid.values.map((r) => r.length));
  const shown = grid.values.slice(0, Math.max(rows, Math.min(grid.values.length, rows)));
  return (
    <section className={styles.view} aria-label={t('workbookPreview')}>
      <div className={styles.tabs} role="group" aria-label="sheets">
        {visible.map((s) => (
          <Button key={s.name} size="small" appearance={s === sheet ? 'primary' : 'secondary'} onClick={() => workbook.activate(s.name)}>
            {s.name}
          </Button>
        ))}
      </div>
      {sheet ? (
        <table className={styles.table} data-sheet={sheet.name}>
          <caption>{sheet.name}</caption>
          <thead>
            <tr>
              <th className={`${styles.cell} ${styles.head}`} scope="col">
                #
              </th>
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={`${styles.cell} ${styles.head}`} scope="col">
                  {columnLetters(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r}>
                <th className={`${styles.cell} ${styles.head}`} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: width }, (_, c) => {
                  const address = `${columnLetters(c + 1)}${r + 1}`;
                  const mark = sheet.highlights.get(address);
                  const classes = [styles.cell, mark ? styles[mark] : '', workbook.selection === address && workbook.selectionSheet === sheet.name ? styles.selected : '']
                    .filter(Boolean)
                    .join(' ');
                  const formula = grid.formulas[r]?.[c];
                  const value = row[c];
                  const format = sheet.cells.get(address)?.numberFormat ?? sheet.columnFormats.get(columnLetters(c + 1))?.format;
                  return (
                    <td key={c} className={classes} data-cell={address} data-mark={mark ?? undefined} title={formula ?? undefined}>
                      {value === null || value === undefined ? (formula ? 'ƒ' : '') : displayValue(value, format)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {sheet?.charts.map((chart, i) => (
        <figure key={i} className={styles.chart} aria-label={chart.title}>
          <figcaption>{chart.title}</figcaption>
          {chart.categories.map((category, j) => (
            <div key={j}>
              <span>{category} </span>
              <span>{chart.values[j] === null ? '—' : `${Math.round((chart.values[j] ?? 0) * 1000) / 10}%`}</span>
              <div className={styles.bar} style={{ width: `${Math.min(100, Math.max(0, (chart.values[j] ?? 0) * 100))}%` }} />
            </div>
          ))}
        </figure>
      ))}
    </section>
  );
}
