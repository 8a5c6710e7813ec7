/**
 * Issue 9, "Nothing lost, nothing taken down": odd values and oversized sheets through submitWorkbook
 * on DynamoDB Local. Each is refused with findings (422) or for its size (413), never a 500, and each
 * refusal is in the audit as a rejected attempt of the outlet.
 */
import '../helpers/env';
import { getHead, queryAudit, type AuditRecord } from '#functions/adapters/submission-store';
import { AUDIT_ITEM_BUDGET_BYTES } from '#functions/services/rejected-attempts';
import { submitWorkbook, type SubmitWorkbookAnswer } from '#functions/services/submit-workbook';
import { WorkbookOverCapError } from '#functions/services/errors';
import type { Finding } from '#shared/findings/types';
import type { CellValue, WorkbookGrid } from '#shared/grid/types';
import { zipBomb } from '#bench/_lib/zip-bomb';
import { createScenario, inviteSheet, inviteSpec, jsonBody, outletHead, setCell, type Scenario } from '../helpers/scenario';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY = '2026-12-03';

function findingsOf(answer: SubmitWorkbookAnswer): Finding[] {
  return (answer.body as { findings: Finding[] }).findings;
}

/** A report-date cell (F2) set to `value`. */
function withReportDate(workbook: WorkbookGrid, value: CellValue): WorkbookGrid {
  workbook.sheets[0].values[1][5] = value;
  return workbook;
}

describe('submitWorkbook: hostile values and sizes', () => {
  let s: Scenario;
  /** Each case takes its own outlet, so its audit records are its own. */
  let nextOutlet = 0;
  const takeOutlet = () => nextOutlet++;
  const rejectedOf = async (outletIndex: number, date = DAY): Promise<AuditRecord[]> =>
    (await queryAudit(s.table, '3301', date)).filter((r) => r.outlet === s.organisation.outlets[outletIndex].code && r.outcome === 'rejected');

  beforeAll(async () => {
    s = await createScenario('hostile');
    s.organisation.outlets.push(...Array.from({ length: 10 }, (_, i) => ({ code: `33011${String(i).padStart(2, '0')}`, name: `测试网点${i}` })));
    const { putOrganisation } = await import('#functions/adapters/org-store');
    await putOrganisation(s.table, s.organisation, 'auditor-1', '2026-11-30T00:00:00Z');
  });

  const ODD_AMOUNTS: [string, CellValue, string][] = [
    ['1e16 yuan', 1e16, 'max'],
    ['1e21 yuan', 1e21, 'max'],
    ['9007199254740993 yuan (above 2^53)', Number('9007199254740993'), 'max'],
    ['1e-200 yuan (below DynamoDB’s smallest number)', 1e-200, 'min-non-zero'],
  ];

  it.each(ODD_AMOUNTS)('answers 422 with a finding at the cell for %s, and audits the rejected attempt', async (_name, amount, note) => {
    // Prepare
    const outlet = takeOutlet();
    const sheet = setCell(inviteSheet(s.organisation, outlet, 3), 1, 'O', amount);
    // Act
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet) });
    // Assess
    const found = findingsOf(answer).filter((f) => f.address === '邀约明细!O6');
    expect(answer.statusCode).toBe(422);
    expect(found.map((f) => [f.code, f.note])).toEqual([['constraint-error', note]]);
    expect(found[0].message_zh).toContain(note === 'max' ? '1000000000000' : '0.000001');
    const audit = await rejectedOf(outlet);
    expect(audit).toHaveLength(1);
    expect(audit[0].findings.map((f) => f.address)).toContain('邀约明细!O6');
  });

  it('answers 422 for a count above its cap (a 序号 of 1e16), naming the cap of 1,000,000', async () => {
    const outlet = takeOutlet();
    const sheet = setCell(inviteSheet(s.organisation, outlet, 2), 0, 'A', 1e16);
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet) });
    const found = findingsOf(answer).filter((f) => f.address === '邀约明细!A5');
    expect([answer.statusCode, found.map((f) => f.note)]).toEqual([422, ['max']]);
    expect(found[0].message_zh).toContain('1000000');
    expect(await rejectedOf(outlet)).toHaveLength(1);
  });

  it('answers 413 for a row of 600 KB of text, naming the 2,000-character cap, with short findings', async () => {
    // Prepare: 备注 (T) and 预销售产品 (N) hold 300,000 characters each
    const outlet = takeOutlet();
    const sheet = setCell(setCell(inviteSheet(s.organisation, outlet, 2), 0, 'T', '备'.repeat(300_000)), 0, 'N', 'x'.repeat(300_000));
    // Act
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet) });
    // Assess
    const found = findingsOf(answer).filter((f) => f.row === 5 && (f.column === 'T' || f.column === 'N'));
    expect([answer.statusCode, (answer.body as { code: string }).code]).toEqual([413, 'text-too-long']);
    expect(found.map((f) => [f.column, f.code])).toEqual([
      ['N', 'text-too-long'],
      ['T', 'text-too-long'],
    ]);
    expect(found[0].message_zh).toContain('有 300000 个字符，超过每格上限 2000 个字符');
    expect(JSON.stringify(found).length).toBeLessThan(3000);
    expect(await rejectedOf(outlet)).toHaveLength(1);
  });

  it('answers 413 for 50,000 characters in a drop-down cell (客户来源)', async () => {
    const outlet = takeOutlet();
    const sheet = setCell(inviteSheet(s.organisation, outlet, 2), 1, 'D', '存'.repeat(50_000));
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet) });
    const found = findingsOf(answer).filter((f) => f.address === '邀约明细!D6');
    expect([answer.statusCode, found.map((f) => f.code)]).toEqual([413, ['text-too-long']]);
    expect(String(found[0].value).length).toBeLessThanOrEqual(201);
    expect(await rejectedOf(outlet)).toHaveLength(1);
  });

  it('answers 422 for a report dated 9999-12-31 (after the day of checking) and audits it on the day it arrived', async () => {
    // Prepare
    const outlet = takeOutlet();
    const sheet = withReportDate(inviteSheet(s.organisation, outlet, 2), '9999-12-31');
    // Act
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet) });
    // Assess
    const found = findingsOf(answer).filter((f) => f.address === '邀约明细!F2');
    expect([answer.statusCode, found.map((f) => [f.code, f.note ?? null])]).toEqual([422, [['report-date-error', null]]]);
    expect(found[0].message_zh).toContain('晚于检查日 2026-12-03');
    expect(await getHead(s.table, { subBranch: '3301', template: 'invite-daily', period: '9999-12-31', outlet: s.organisation.outlets[outlet].code })).toBeUndefined();
    expect(await rejectedOf(outlet, DAY)).toHaveLength(1);
  });

  it('answers 422 for a daily report dated outside the campaign (its first day to its last sale day)', async () => {
    const outlet = takeOutlet();
    const sheet = withReportDate(inviteSheet(s.organisation, outlet, 2), '2026-11-20');
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet) });
    const found = findingsOf(answer).filter((f) => f.address === '邀约明细!F2');
    expect([answer.statusCode, found.map((f) => [f.code, f.note])]).toEqual([422, [['report-date-error', 'outside-campaign']]]);
    expect(found[0].message_zh).toContain('2026-12-01 至 2026-12-10');
    expect(await rejectedOf(outlet, DAY)).toHaveLength(1);
  });

  it('answers 413 naming the cap for a sheet of 5,001 rows, and audits the attempt with findings that fit an item', async () => {
    // Prepare: every row also has an error, so the findings alone would not fit one item
    const outlet = takeOutlet();
    const sheet = inviteSheet(s.organisation, outlet, 5_001);
    for (let row = 0; row < 5_001; row++) setCell(sheet, row, 'E', `中端客户${'。'.repeat(150)}`);
    // Act
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet), idempotencyKey: 'rows-5001' });
    const again = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(sheet), idempotencyKey: 'rows-5001' });
    // Assess
    const body = answer.body as { code: string; message_zh: string; message_en: string };
    expect([answer.statusCode, body.code]).toEqual([413, 'too-many-rows']);
    expect(body.message_zh).toContain('超过每表上限 5000 行');
    expect(body.message_en).toContain('cap of 5000 rows');
    expect([again.statusCode, again.replayed]).toEqual([413, true]);
    const audit = await rejectedOf(outlet);
    expect(audit).toHaveLength(1);
    expect(audit[0].findings[0].code).toBe('too-many-rows');
    expect(audit[0].errorCount).toBeGreaterThan(5_000);
    expect(Buffer.byteLength(JSON.stringify(audit[0]))).toBeLessThan(AUDIT_ITEM_BUDGET_BYTES);
  });

  it('accepts 5,000 rows (the cap itself)', async () => {
    const outlet = takeOutlet();
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(inviteSheet(s.organisation, outlet, 5_000)) });
    expect(answer.statusCode).toBe(201);
  });

  it('refuses a zip bomb (1 MB that inflates to 1 GB) with 413 before reading it, and audits the outlet’s attempt', async () => {
    // Prepare
    const outlet = takeOutlet();
    const bomb = Buffer.from(zipBomb({ unpackedMb: 1024, declared: 'small' }));
    // Act
    const started = Date.now();
    const error = await submitWorkbook(s.deps, {
      caller: outletHead(s.organisation, outlet),
      body: bomb.toString('base64'),
      isBase64Encoded: true,
      contentType: XLSX_TYPE,
    }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(WorkbookOverCapError);
    const refusal = error as WorkbookOverCapError;
    expect([refusal.statusCode, refusal.code]).toEqual([413, 'upload-too-large']);
    expect(refusal.message_zh).toContain('超过解压上限 32 MB');
    expect(Date.now() - started).toBeLessThan(20_000);
    const audit = await rejectedOf(outlet);
    expect(audit.map((r) => [r.template, r.errorCount, r.findings[0].code])).toEqual([[null, 1, 'upload-too-large']]);
  });

  it('stores nothing of a refused sheet but its audit record (no head for the outlet)', async () => {
    const outlet = takeOutlet();
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, outlet), ...jsonBody(setCell(inviteSheet(s.organisation, outlet, 1), 0, 'O', 1e21)) });
    expect(await getHead(s.table, { subBranch: '3301', template: inviteSpec.id, period: DAY, outlet: s.organisation.outlets[outlet].code })).toBeUndefined();
  });
});
