import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { CellValue } from '#shared/grid/types';
import type { SummarySheetsPlan } from '../excel/workbook-host';
import { useI18n } from '../i18n/I18nContext';
import { SummaryBarChart } from './SummaryBarChart';

export interface SummaryViewProps {
  plan: SummarySheetsPlan;
  onDownload(): void;
  busy?: boolean;
}

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, minWidth: '100%' },
  cell: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, whiteSpace: 'nowrap' },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  missing: { backgroundColor: tokens.colorPaletteRedBackground2 },
  total: { fontWeight: tokens.fontWeightSemibold },
  counts: { margin: 0 },
});

/** A cell of the plan as the sheet would show it with the column's number format. */
function shown(value: CellValue, format: string): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  if (format === '0.0%') return `${(value * 100).toFixed(1)}%`;
  if (format === '#,##0.00') return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (format === '0.00') return value.toFixed(2);
  return String(value);
}

/** The manager's ranked summary on screen: the plan of the summary sheet as a table, its warnings and its chart. */
export function SummaryView({ plan, onDownload, busy }: SummaryViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const sheet = plan.summarySheet;
  const warned = sheet.warningRows.filter((r) => !sheet.missingRows.includes(r)).length;
  const chart = sheet.chart;
  const bars = chart
    ? sheet.rows.slice(0, chart.rowCount).map((row) => ({
        category: String(row[chart.categoryColumn] ?? ''),
        value: typeof row[chart.valueColumn] === 'number' ? (row[chart.valueColumn] as number) : null,
      }))
    : [];
  return (
    <section className={styles.view} aria-labelledby="pts-summary-heading">
      <h2 className={styles.heading} id="pts-summary-heading">
        {t('webSummaryHeading')}
      </h2>
      <Button appearance="primary" onClick={onDownload} disabled={busy}>
        {t('webDownloadSummary')}
      </Button>
      <p className={styles.counts} role="status">
        {t('webSummaryCounts', { warned, missing: sheet.missingRows.length })}
      </p>
      {/* The table scrolls sideways on a narrow screen; the region takes the focus so that keys scroll it. */}
      <div className={styles.scroll} role="region" aria-label={sheet.title} tabIndex={0}>
        <table className={styles.table} data-summary={sheet.name}>
          <caption>{sheet.title}</caption>
          <thead>
            <tr>
              {sheet.header.map((h) => (
                <th key={h} className={`${styles.cell} ${styles.head}`} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, r) => {
              const mark = sheet.missingRows.includes(r) ? styles.missing : sheet.warningRows.includes(r) ? styles.warning : r === sheet.totalRow ? styles.total : '';
              return (
                <tr key={r} className={mark} data-outlet={String(row[1] ?? '')}>
                  {row.map((value, c) =>
                    c === 2 ? (
                      <th key={c} className={styles.cell} scope="row">
                        {shown(value, sheet.columnFormats[c] ?? '')}
                      </th>
                    ) : (
                      <td key={c} className={styles.cell}>
                        {shown(value, sheet.columnFormats[c] ?? '')}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {chart && bars.length > 0 ? (
        <SummaryBarChart title={sheet.title} label={chart.title} bars={bars} percent={sheet.columnFormats[chart.valueColumn] === '0.0%'} />
      ) : null}
    </section>
  );
}
