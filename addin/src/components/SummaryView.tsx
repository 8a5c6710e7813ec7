import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ROW_FILLS } from '#shared/summary-sheet/plan-summary-workbook';
import { SUMMARY_FORMATS, type PlannedValue, type SummaryWorkbookPlan } from '#shared/summary-sheet/types';
import { useI18n } from '../i18n/I18nContext';
import { SummaryBarChart } from './SummaryBarChart';

export interface SummaryViewProps {
  plan: SummaryWorkbookPlan;
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
function shown(value: PlannedValue, format: string): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  if (format === SUMMARY_FORMATS.percent) return `${(value * 100).toFixed(1)}%`;
  if (format === SUMMARY_FORMATS.money) return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (format === SUMMARY_FORMATS.decimal) return value.toFixed(2);
  return String(value);
}

/** The manager's ranked summary on screen: the plan of the summary sheet as a table, its warnings and its chart. */
export function SummaryView({ plan, onDownload, busy }: SummaryViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  // The summary sheet as the plan lays it out for every writer: the same lines, marks and counts as the workbook.
  const sheet = plan.sheets[0];
  const title = String(sheet.titleRows[0]?.[0] ?? plan.title);
  const { warned, missing } = plan.counts;
  const chart = plan.chart;
  const bars = chart ? chart.categories.map((category, i) => ({ category, value: chart.values[i] ?? null })) : [];
  return (
    <section className={styles.view} aria-labelledby="pts-summary-heading">
      <h2 className={styles.heading} id="pts-summary-heading">
        {t('webSummaryHeading')}
      </h2>
      <Button appearance="primary" onClick={onDownload} disabled={busy}>
        {t('webDownloadSummary')}
      </Button>
      <p className={styles.counts} role="status">
        {t('webSummaryCounts', { warned, missing })}
      </p>
      {/* The table scrolls sideways on a narrow screen; the region takes the focus so that keys scroll it. */}
      <div className={styles.scroll} role="region" aria-label={title} tabIndex={0}>
        <table className={styles.table} data-summary={sheet.name}>
          <caption>{title}</caption>
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
            {sheet.body.map((row, r) => {
              const style = sheet.rowStyles[r];
              const mark = style?.fill === ROW_FILLS.missing ? styles.missing : style?.fill === ROW_FILLS.warning ? styles.warning : style?.bold ? styles.total : '';
              return (
                <tr key={r} className={mark} data-outlet={String(row[1] ?? '')}>
                  {row.map((value, c) =>
                    // The outlet's name heads its row; the total line has none, and an empty row header is no header.
                    c === 2 && value !== null && value !== '' ? (
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
        <SummaryBarChart title={title} label={chart.title} bars={bars} percent={chart.numberFormat === SUMMARY_FORMATS.percent} />
      ) : null}
    </section>
  );
}
