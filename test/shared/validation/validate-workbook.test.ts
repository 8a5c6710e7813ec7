import type { WorkbookGrid } from '#shared/grid/types';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { WorkbookUnusableError } from '#shared/validation/workbook-unusable-error';
import { inviteDaily, inviteHeader, inviteRow, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

const registry = createTemplateRegistry(builtinTemplates);
const options = { asOf: '2026-12-03', organisation };
const inviteSheet = buildGrid(inviteDaily, { header: inviteHeader, rows: [inviteRow] });

function caught(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('validateWorkbook', () => {
  it('checks the sheet named by the workbook identity against that template', () => {
    // Prepare
    const workbook: WorkbookGrid = {
      sheets: [{ sheetName: '说明', values: [['请填写邀约明细']] }, inviteSheet],
      identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }],
    };
    // Act
    const result = validateWorkbook(workbook, registry, options);
    // Assess
    expect([result.template, result.spec.id, result.findings, result.rows.length]).toEqual([{ id: 'invite-daily', version: 1 }, 'invite-daily', [], 1]);
  });

  it('matches a sheet without identity by its name, with template-identity-missing', () => {
    const result = validateWorkbook({ sheets: [inviteSheet], identities: [] }, registry, options);
    expect([result.template, result.hasErrors, result.findings.map((f) => [f.address, f.code, f.severity])]).toEqual([
      null,
      true,
      [['邀约明细', 'template-identity-missing', 'error']],
    ]);
  });

  it('reports an outdated version and still checks the sheet against its own version', () => {
    // Prepare: version 2 renames the 备注 column; the sheet was issued from version 1
    const v2 = { ...inviteDaily, version: 2, columns: inviteDaily.columns.map((c) => (c.col === 'T' ? { ...c, label: '备注说明' } : c)) };
    const withV2 = createTemplateRegistry([...builtinTemplates, v2]);
    const workbook: WorkbookGrid = { sheets: [inviteSheet], identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }] };
    // Act
    const result = validateWorkbook(workbook, withV2, options);
    // Assess
    expect([result.spec.version, result.hasErrors, result.findings.map((f) => [f.address, f.code])]).toEqual([
      1,
      true,
      [['邀约明细', 'template-version-outdated']],
    ]);
  });

  it('finds a renamed template sheet by its identity and layout, with template-sheet-renamed', () => {
    // Prepare: 邀约明细 renamed 邀约明细表; _pts_meta still names 邀约明细
    const renamed = { ...inviteSheet, sheetName: '邀约明细表' };
    const workbook: WorkbookGrid = {
      sheets: [{ sheetName: '说明', values: [['请填写邀约明细']] }, renamed],
      identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }],
    };
    // Act
    const result = validateWorkbook(workbook, registry, options);
    // Assess
    expect([result.template, result.hasErrors, result.rows.length, result.findings.map((f) => [f.address, f.code, f.severity])]).toEqual([
      { id: 'invite-daily', version: 1 },
      true,
      1,
      [['邀约明细表', 'template-sheet-renamed', 'error']],
    ]);
    expect(result.findings[0].message_zh).toContain('应为“邀约明细”');
  });

  it('finds a renamed sheet whose title was changed too by its header row', () => {
    const retitled = { ...inviteSheet, sheetName: 'Sheet1', values: [['邀约表'], ...inviteSheet.values.slice(1)] };
    const workbook: WorkbookGrid = { sheets: [retitled], identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }] };
    const result = validateWorkbook(workbook, registry, options);
    expect(result.findings.map((f) => [f.address, f.code])).toEqual([
      ['Sheet1', 'template-sheet-renamed'],
      ['Sheet1!A1', 'incorrect-label'],
    ]);
  });

  it('does not take an unrelated sheet for a renamed one: no-template-sheet naming the missing sheet', () => {
    const workbook: WorkbookGrid = { sheets: [{ sheetName: 'Sheet1', values: [['随便写的']] }], identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }] };
    const error = caught(() => validateWorkbook(workbook, registry, options));
    expect(error).toMatchObject({ code: 'no-template-sheet', message_zh: expect.stringContaining('模板标识所指的工作表（邀约明细）不在工作簿中') });
  });

  it('throws unknown-template for an identity naming a template the registry does not know', () => {
    const workbook: WorkbookGrid = { sheets: [inviteSheet], identities: [{ sheetName: '邀约明细', id: 'weekly-report', version: 1 }] };
    const error = caught(() => validateWorkbook(workbook, registry, options));
    expect(error).toBeInstanceOf(WorkbookUnusableError);
    expect(error).toMatchObject({ code: 'unknown-template', message_zh: expect.stringContaining('weekly-report'), message_en: expect.stringContaining('weekly-report') });
  });

  it('throws no-template-sheet for a workbook without any template sheet', () => {
    const workbook: WorkbookGrid = { sheets: [{ sheetName: 'Sheet1', values: [['a']] }], identities: [] };
    const error = caught(() => validateWorkbook(workbook, registry, options));
    expect(error).toMatchObject({ name: 'WorkbookUnusableError', code: 'no-template-sheet', message_zh: expect.stringContaining('邀约明细') });
  });
});
