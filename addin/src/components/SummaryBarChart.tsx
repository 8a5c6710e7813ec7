import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

export interface SummaryBarChartProps {
  title: string;
  /** What the bars measure (有效邀约达成率). */
  label: string;
  bars: { category: string; value: number | null }[];
  /** Values are fractions shown as percentages (a target rate). */
  percent: boolean;
}

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;
const WIDTH = 560;

const useStyles = makeStyles({
  figure: { margin: 0, maxWidth: '100%' },
  // The drawing scales with its width: bounded, so that its labels stay the size of the table's on a wide screen.
  svg: { width: '100%', maxWidth: '640px', height: 'auto', display: 'block' },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  bar: { fill: tokens.colorBrandBackground },
  text: { fill: tokens.colorNeutralForeground1, fontSize: '13px' },
});

/** A horizontal bar chart in SVG: one bar per outlet, named for screen readers by its title and each bar's text. */
export function SummaryBarChart({ title, label, bars, percent }: SummaryBarChartProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const max = Math.max(percent ? 1 : 0, ...bars.map((b) => b.value ?? 0));
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const shown = (value: number | null) => (value === null ? t('webNoValue') : percent ? `${(value * 100).toFixed(1)}%` : String(value));
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('webChartLabel', { title, label })}>
        {bars.map((bar, i) => {
          const y = GAP + i * (BAR_HEIGHT + GAP);
          const width = max > 0 && bar.value !== null ? Math.max(0, (bar.value / max) * room) : 0;
          return (
            <g key={`${bar.category}-${i}`}>
              <title>{`${bar.category}：${shown(bar.value)}`}</title>
              <text className={styles.text} x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT * 0.7} textAnchor="end">
                {bar.category.length > 10 ? `${bar.category.slice(0, 10)}…` : bar.category}
              </text>
              <rect className={styles.bar} x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} />
              <text className={styles.text} x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.7}>
                {shown(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
