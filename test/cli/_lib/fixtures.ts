import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Organisation } from '#shared/org/schema';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { fillTemplate, type FillTemplateOptions, type FillValue } from '../../shared/xlsx/_lib/fill-template';

export const inviteDaily = builtinTemplates[0];

export const organisation: Organisation = {
  code: '3301',
  name: '城东支行',
  outlets: [
    { code: '3301001', name: '城东支行营业部' },
    { code: '3301002', name: '解放路网点' },
    { code: '3301003', name: '庆春路网点' },
  ],
  campaign: { from: '2026-12-01', to: '2026-12-07', saleDays: ['2026-12-08', '2026-12-09', '2026-12-10'] },
  targets: { 'invite-daily': { 有效邀约: 15 } },
  deadline: '20:00',
};

/** 2026-12-08, a sale day, as an Excel serial. */
export const SALE_DAY_SERIAL = 46364;

/** A complete, valid 邀约明细 row; `effective` sets 是否有效邀约. */
export function inviteRow(name: string, effective: boolean, extra: Record<string, FillValue> = {}): Record<string, FillValue> {
  return {
    B: name,
    C: '13800138000',
    D: '存量客户',
    E: '普通客户',
    F: 30,
    I: '电话',
    J: '李四',
    K: effective ? '是' : '否',
    ...(effective ? { M: SALE_DAY_SERIAL } : {}),
    ...extra,
  };
}

export function inviteHeader(outlet: string, day = '2026-12-01'): Record<string, string> {
  return { subBranch: '3301', outlet, reportDate: day, submitter: '张三' };
}

/** A fresh temporary directory with the organisation file in it. */
export function makeWorkDir(): { dir: string; orgFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pts-cli-'));
  const orgFile = join(dir, 'org.json');
  writeFileSync(orgFile, JSON.stringify(organisation));
  return { dir, orgFile };
}

/** Writes a filled invite-daily workbook into `dir` and returns its path. */
export async function writeFilledInvite(dir: string, name: string, options: FillTemplateOptions): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await fillTemplate(inviteDaily, options));
  return path;
}
