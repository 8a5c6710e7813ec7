import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditedVersion } from '#shared/api/audit-view';

export interface RecordTableProps {
  caption: string;
  records: Record<string, unknown>[];
}

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  cell: { whiteSpace: 'normal', wordBreak: 'break-word' },
});

/** Column names the audit answers use, shown in Chinese. */
const LABELS: Record<string, string> = {
  subBranch: '支行',
  subBranchName: '支行名称',
  name: '名称',
  outlet: '网点',
  outletName: '网点名称',
  expected: '应报',
  reported: '已报',
  onTime: '按时',
  late: '迟报',
  nonCompliant: '不合规',
  rejected: '被拒',
  rejectedAttempts: '被拒次数',
  status: '状态',
  versions: '模板版本',
  version: '版本',
  template: '模板',
  receivedAt: '接收时间',
  findings: '问题',
  code: '代码',
  message_zh: '说明',
};

function show(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (key === 'versions' && Array.isArray(value)) {
    return value
      .map((v: Partial<AuditedVersion>) => `${v.template ?? ''} v${v.templateVersion ?? '?'}（第 ${v.version ?? '?'} 次${v.late ? '，迟报' : ''}）`)
      .join('；');
  }
  if (key === 'rejectedAttempts' && Array.isArray(value)) return `${value.length}`;
  if (Array.isArray(value)) {
    return value
      .map((v) => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>).message_zh ?? (v as Record<string, unknown>).code ?? JSON.stringify(v)) : String(v)))
      .join('；');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** A small table of records (audit lines) whose keys are not fixed in advance. */
export function RecordTable({ caption, records }: RecordTableProps) {
  const styles = useStyles();
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={caption}>
        <caption className={styles.caption}>{caption}</caption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c}>{LABELS[c] ?? c}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {records.map((r, i) => (
            <TableRow key={i}>
              {columns.map((c) => (
                <TableCell key={c} className={styles.cell}>
                  {show(c, r[c])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
