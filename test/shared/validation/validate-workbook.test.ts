import type { WorkbookGrid } from '../../../shared/src/grid/types';
import { builtinTemplates } from '../../../shared/src/spec/builtin-templates';
import { createTemplateRegistry } from '../../../shared/src/spec/template-registry';
import { validateWorkbook } from '../../../shared/src/validation/validate-workbook';
import { WorkbookUnusableError } from '../../../shared/src/validation/workbook-unusable-error';
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
