import { useEffect, useReducer, useRef, useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { MemoryWorkbook } from '../excel/memory-workbook';
import { columnLetters, columnNumber } from '../sheets/addresses';
import { dateFromExcelSerial } from '#shared/normalise/date-from-excel-serial';
import { useI18n } from '../i18n/I18nContext';

export interface MemoryWorkbookViewProps {
  workbook: MemoryWorkbook;
  /** Rows shown (from row 1) at least; more when the sheet has more. */
  rows?: number;
  /** The name of the view for screen readers; default: the in-memory workbook's. */
  label?: string;
}

/** Rows shown at most: the grid is a preview, Excel's own window is the real one. */
const MAX_ROWS = 200;
/** Columns shown at least, so that an empty sheet can be typed into. */
const MIN_COLUMNS = 10;

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflow: 'auto' },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  editor: { maxWidth: '420px' },
  cell: {
    cursor: 'cell',
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
  if (format === 'yyyy-mm-dd') return dateFromExcelSerial(value) ?? String(value);
  if (format === '0.0%') return `${(value * 100).toFixed(1)}%`;
  if (format === '#,##0.00') return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (format === '0.00') return value.toFixed(2);
  return String(value);
}

/** The in-memory workbook drawn as a grid beside the pane (`?host=memory`): what Excel would show. */
export function MemoryWorkbookView({ workbook, rows = 30, label }: MemoryWorkbookViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => workbook.subscribe(refresh), [workbook]);
  const visible = workbook.sheets.filter((s) => !s.veryHidden);
  const sheet = visible.find((s) => s.name === workbook.activeSheet) ?? visible[0];
  const grid = sheet ? workbook.grid(sheet) : { values: [], formulas: [] };
  const selected = sheet && workbook.selectionSheet === sheet.name ? workbook.selection : null;
  const selectedRow = selected ? Number(/\d+$/.exec(selected)?.[0] ?? 0) : 0;
  const selectedCol = selected ? columnNumber(selected.replace(/\d+$/, '')) : 0;
  const width = Math.max(MIN_COLUMNS, selectedCol, ...grid.values.map((r) => r.length), sheet?.sequence ? columnNumber(sheet.sequence.valueCols.at(-1) ?? 'A') : 1);
  const lastFilledRow = grid.values.reduce((last, row, r) => (row.some((v) => v !== null && v !== '') ? r + 1 : last), 0);
  const height = Math.min(MAX_ROWS, Math.max(rows, lastFilledRow + 5, selectedRow + 1));
  const shown = Array.from({ length: height }, (_, r) => grid.values[r] ?? []);
  const editor = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<{ address: string; text: string } | null>(null);
  const current = selected ? sheet?.cells.get(selected) : undefined;
  const shownText = current ? (current.formula ?? (current.value === null ? '' : displayValue(current.value, current.numberFormat ?? sheet?.columnFormats.get(selected?.replace(/\d+$/, '') ?? '')?.format))) : '';
  const editorText = draft && draft.address === selected ? draft.text : shownText;

  const select = (address: string) => {
    setDraft(null);
    void workbook.selectCell(address);
  };
  const commit = (moveDown: boolean) => {
    if (!sheet || !selected || !draft || draft.address !== selected) return;
    workbook.typeInCell(sheet.name, selected, draft.text);
    setDraft(null);
    if (moveDown) void workbook.selectCell(`${selected.replace(/\d+$/, '')}${selectedRow + 1}`);
  };
  return (
    <section className={styles.view} aria-label={label ?? t('workbookPreview')}>
      <div className={styles.tabs} role="group" aria-label="sheets">
        {visible.map((s) => (
          <Button key={s.name} size="small" appearance={s === sheet ? 'primary' : 'secondary'} onClick={() => workbook.activate(s.name)}>
            {s.name}
          </Button>
        ))}
      </div>
      {sheet ? (
        <Field className={styles.editor} label={selected ? t('cellEditor', { address: selected }) : t('cellEditorIdle')}>
          <Input
            ref={editor}
            value={editorText}
            disabled={!selected}
            onChange={(_, d) => selected && setDraft({ address: selected, text: d.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit(true);
              } else if (e.key === 'Escape') setDraft(null);
            }}
            onBlur={() => commit(false)}
          />
        </Field>
      ) : null}
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
                    <td
                      key={c}
                      className={classes}
                      data-cell={address}
                      data-mark={mark ?? undefined}
                      title={formula ?? undefined}
                      onClick={() => select(address)}
                      onDoubleClick={() => {
                        select(address);
                        editor.current?.focus();
                      }}
                    >
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
