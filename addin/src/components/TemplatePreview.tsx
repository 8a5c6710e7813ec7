import { makeStyles, tokens } from '@fluentui/react-components';
import type { TemplateSpec } from '#shared/spec/schema';
import { useI18n } from '../i18n/I18nContext';
import { columnLetters, columnNumber } from '../sheets/addresses';
import { planTemplateSheet } from '../sheets/plan-template-sheet';

export interface TemplatePreviewProps {
  /** A checked spec: the blank sheet that inserting this version would write. */
  spec: TemplateSpec;
}

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase100 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingVerticalXXS },
  corner: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    textAlign: 'left',
  },
  bold: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The blank sheet a template version inserts (title, header block, labels and the first data row's drop-downs and formulas), drawn from the same plan the pane writes. */
export function TemplatePreview({ spec }: TemplatePreviewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const plan = planTemplateSheet(spec);
  const width = Math.max(...plan.columns.map((c) => columnNumber(c.col)), ...plan.cells.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i + 1));
  const byCol = new Map(plan.columns.map((c) => [c.col, c]));
  const bold = new Set(plan.boldRanges.filter((r) => !r.includes(':')));
  const labelRow = plan.headerRow;
  const rows = Array.from({ length: plan.headerRow }, (_, r) => r + 1);
  const caption = t('specPreview', { sheet: plan.sheetName });
  return (
    <div>
      {/* Focusable so that keyboard users can scroll a wide template sideways. */}
      <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
        <table className={styles.table}>
          <caption className={styles.caption}>{caption}</caption>
          <thead>
            <tr>
              <td className={`${styles.cell} ${styles.corner}`} />
              {letters.map((l) => (
                <th key={l} className={`${styles.cell} ${styles.corner}`} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th className={`${styles.cell} ${styles.corner}`} scope="row">
                  {row}
                </th>
                {letters.map((l, i) => {
                  const address = `${l}${row}`;
                  const value = plan.cells[row - 1]?.[i];
                  const formula = plan.formulas[address];
                  const strong = row === labelRow || bold.has(address);
                  return (
                    <td key={l} className={`${styles.cell} ${strong ? styles.bold : ''}`} title={formula}>
                      {formula ? <span className={styles.hint}>ƒx</span> : value === null || value === undefined ? '' : String(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th className={`${styles.cell} ${styles.corner}`} scope="row">
                {plan.firstDataRow}
              </th>
              {letters.map((l) => {
                const column = byCol.get(l);
                const hint = column?.formulas ? 'ƒx' : column?.list ? `▾ ${column.list.join('/')}` : '';
                return (
                  <td key={l} className={`${styles.cell} ${styles.hint}`} title={column?.formulas?.[0] ?? column?.list?.join('、')}>
                    {hint}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <p className={styles.note}>{t('specPreviewNote', { first: plan.firstDataRow, last: plan.lastDataRow })}</p>
    </div>
  );
}

