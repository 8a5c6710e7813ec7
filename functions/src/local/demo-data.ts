/**
 * Demo data of the local stack (and of the functions' tests and benchmark): a sub-branch of 10
 * outlets, and filled 邀约明细 sheets as the add-in sends them (WorkbookGrid with its identity).
 */
import type { Role } from '#shared/api/caller-claims';
import type { CellValue, SheetGrid, WorkbookGrid } from '#shared/grid/types';
import { organisationSchema, type Organisation } from '#shared/org/schema';
import type { TemplateSpec } from '#shared/spec/schema';

/** The demo sub-branch 3301 城东支行 with outlets 3301001..3301010 and a campaign from `campaignFrom` (7 days, 3 sale days). */
export function demoOrganisation(options: { code?: string; name?: string; campaignFrom?: string; outlets?: number; deadline?: string } = {}): Organisation {
  const code = options.code ?? '3301';
  const from = options.campaignFrom ?? '2026-12-01';
  const day = (offset: number) => new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const names = ['营业部', '新华路网点', '解放路网点', '人民路网点', '建设路网点', '中山路网点', '文化路网点', '和平路网点', '胜利路网点', '光明路网点'];
  const count = options.outlets ?? 10;
  return organisationSchema.parse({
    code,
    name: options.name ?? '城东支行',
    outlets: Array.from({ length: count }, (_, i) => ({ code: `${code}${String(i + 1).padStart(3, '0')}`, name: `${options.name ?? '城东支行'}${names[i % names.length]}${i >= names.length ? i + 1 : ''}` })),
    campaign: { from, to: day(6), saleDays: [day(7), day(8), day(9)] },
    targets: { 'invite-daily': { 有效邀约: 15 } },
    deadline: options.deadline ?? '20:00',
  });
}

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]*)$/;

function place(values: CellValue[][], ref: string, value: CellValue): void {
  const match = CELL_REF.exec(ref);
  if (!match) throw new Error(`not a cell reference: ${ref}`);
  let column = 0;
  for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = (values[Number(match[2]) - 1] ??= []);
  row[column - 1] = value;
}

/** A filled template sheet: labels, header values (by header field key), computed-cell formulas, and rows (column letter → value). */
export function buildTemplateWorkbook(spec: TemplateSpec, header: Record<string, CellValue>, rows: Record<string, CellValue>[]): WorkbookGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const first = spec.firstDataRow;
  const last = first + Math.max(spec.dataRows, rows.length) - 1;
  place(values, spec.titleCell, spec.title);
  for (const field of spec.headerFields) {
    place(values, field.labelCell, field.label);
    place(values, field.valueCell, header[field.key] ?? null);
  }
  for (const cell of spec.computedCells) {
    place(values, cell.labelCell, cell.label);
    place(values, cell.valueCell, null);
    place(formulas as CellValue[][], cell.valueCell, cell.formula.replace(/\{first\}/g, String(first)).replace(/\{last\}/g, String(last)));
  }
  for (const column of spec.columns) place(values, `${column.col}${spec.headerRow}`, column.label);
  rows.forEach((row, i) => {
    for (const [col, value] of Object.entries(row)) place(values, `${col}${first + i}`, value);
    for (const column of spec.columns) {
      if (column.formula) place(formulas as CellValue[][], `${column.col}${first + i}`, column.formula.replace(/\{r\}/g, String(first + i)));
    }
  });
  const dense = <T>(grid: T[][]): (T | null)[][] => Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  const sheet: SheetGrid = { sheetName: spec.sheetName, values: dense(values), formulas: dense(formulas) as (string | null)[][] };
  return { sheets: [sheet], identities: [{ sheetName: spec.sheetName, id: spec.id, version: spec.version }] };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛'];

/** The demo outlet heads of outlets …001 to …010, the sub-branch manager and the auditor: people, with names. */
const DEMO_HEADS = ['王建国', '李秀英', '张志强', '刘芳', '陈静怡', '杨磊', '赵敏', '黄永明', '周丽华', '吴海涛'];
const DEMO_MANAGER = '孙晓梅';
const DEMO_AUDITOR = '郑国平';

/**
 * The name of a demo user of the local stack (the token's `name` claim, shown by the pane and written as 填报人):
 * fixed names for the demo sub-branch's people, a stable made-up name for any other outlet or sub-branch.
 */
export function demoPersonName(user: { role: Role; subBranch?: string; outlet?: string }): string {
  if (user.role === 'auditor') return DEMO_AUDITOR;
  if (user.role === 'subbranch_manager') return user.subBranch === undefined || user.subBranch === '3301' ? DEMO_MANAGER : madeUpName(`m${user.subBranch}`);
  const number = Number(/(\d{3})$/.exec(user.outlet ?? '')?.[1] ?? NaN);
  if ((user.subBranch ?? '3301') === '3301' && number >= 1 && number <= DEMO_HEADS.length) return DEMO_HEADS[number - 1];
  return madeUpName(`h${user.outlet ?? ''}`);
}

function madeUpName(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return SURNAMES[hash % SURNAMES.length] + GIVEN[(hash >>> 8) % GIVEN.length] + GIVEN[(hash >>> 16) % GIVEN.length];
}

/** Deterministic 0..1 numbers from a seed (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoInviteOptions {
  organisation: Organisation;
  /** Index of the outlet in the organisation (0-based). */
  outletIndex: number;
  reportDate: string;
  rows: number;
  /** Seed variation (another content for the same outlet and day). */
  variant?: number;
}

/** A valid 邀约明细 sheet of one outlet for one day, with `rows` invitations (about a third effective). */
export function demoInviteSheet(spec: TemplateSpec, options: DemoInviteOptions): WorkbookGrid {
  const { organisation, outletIndex, reportDate } = options;
  const outlet = organisation.outlets[outletIndex];
  const saleDays = organisation.campaign?.saleDays ?? [];
  const next = random(outletIndex * 1_000_003 + Number(reportDate.replace(/-/g, '')) * 7 + (options.variant ?? 0) * 131);
  const rows: Record<string, CellValue>[] = [];
  for (let i = 0; i < options.rows; i++) {
    const highEnd = next() < 0.3;
    const effective = next() < 0.35;
    const bigTicket = highEnd && effective && next() < 0.5;
    const byPhone = next() < 0.8;
    const phone = `13${String(outletIndex).padStart(2, '0')}${reportDate.slice(8, 10)}${String(i + (options.variant ?? 0) * 500).padStart(5, '0')}`.slice(0, 11);
    rows.push({
      A: i + 1,
      B: SURNAMES[Math.floor(next() * SURNAMES.length)] + GIVEN[Math.floor(next() * GIVEN.length)],
      C: byPhone ? phone : null,
      D: ['存量客户', '流量客户', '客户经理积累'][Math.floor(next() * 3)],
      E: highEnd ? '高端客户' : '普通客户',
      F: highEnd ? 100 + Math.floor(next() * 400) : 20 + Math.floor(next() * 80),
      G: ['保险到期', '定期到期', '无'][Math.floor(next() * 3)],
      H: 30 + Math.floor(next() * 30),
      I: byPhone ? (next() < 0.5 ? '电话' : '短信') : '面谈',
      J: `理财经理${1 + Math.floor(next() * 3)}`,
      K: effective ? '是' : '否',
      L: bigTicket ? '是' : null,
      M: effective && saleDays.length > 0 ? saleDays[Math.floor(next() * saleDays.length)] : null,
      O: effective ? Math.round(next() * 20) * 10000 : null,
      P: effective ? Math.round(next() * 5) * 10000 : null,
    });
  }
  return buildTemplateWorkbook(spec, { subBranch: organisation.name, outlet: outlet.name, reportDate, submitter: demoPersonName({ role: 'outlet_head', subBranch: organisation.code, outlet: outlet.code }) }, rows);
}
