import { createFinding } from '../findings/create-finding';
import type { SheetIdentity, WorkbookGrid } from '../grid/types';
import type { LocalisedText } from '../findings/render-message';
import type { Organisation } from '../org/schema';
import type { TemplateSpec } from '../spec/schema';
import type { TemplateRegistry } from '../spec/template-registry';
import type { SheetValidation } from './types';
import { validateSheet } from './validate-sheet';
import { WorkbookUnusableError } from './workbook-unusable-error';

export interface ValidateWorkbookOptions {
  /** Day of checking, YYYY-MM-DD. */
  asOf: string;
  organisation?: Organisation;
}

/**
 * Finds the template sheet of a workbook and checks it. The sheet is the first one named by the
 * workbook's template identities; it is checked against its own version's spec, and a version older
 * than the registry's current one adds `template-version-outdated` (an error: head office audits
 * that everyone uses the current version). Without any identity, a sheet named like a current
 * template is checked against it, with a `template-identity-missing` error.
 * Throws WorkbookUnusableError ('unknown-template') when an identity names a template or version
 * the registry does not know, and ('no-template-sheet') when no sheet can be matched.
 */
export function validateWorkbook(workbook: WorkbookGrid, registry: TemplateRegistry, options: ValidateWorkbookOptions): SheetValidation {
  const identified = workbook.identities
    .map((identity) => ({ identity, sheet: workbook.sheets.find((s) => s.sheetName.trim() === identity.sheetName.trim()) }))
    .filter((pair): pair is { identity: SheetIdentity; sheet: NonNullable<typeof pair.sheet> } => pair.sheet !== undefined);

  if (identified.length > 0) {
    const { identity, sheet } = identified[0];
    const spec = registry.find({ id: identity.id, version: identity.version });
    if (!spec) throw unknownTemplate(identity);
    const template = { id: identity.id, version: identity.version };
    const result = validateSheet(sheet, spec, { asOf: options.asOf, organisation: options.organisation, identity: template });
    const current = registry.current(identity.id);
    if (current && current.version > identity.version) {
      result.findings.unshift(
        createFinding('template-version-outdated', { sheetName: sheet.sheetName }, {
          slots: { template: templateName(spec), version: identity.version, currentVersion: current.version },
        }),
      );
      result.hasErrors = true;
    }
    return result;
  }

  for (const sheet of workbook.sheets) {
    const spec = registry.findBySheetName(sheet.sheetName);
    if (!spec) continue;
    const result = validateSheet(sheet, spec, { asOf: options.asOf, organisation: options.organisation, identity: null });
    result.findings.unshift(
      createFinding('template-identity-missing', { sheetName: sheet.sheetName }, { slots: { template: templateName(spec, spec.version) } }),
    );
    result.hasErrors = true;
    return result;
  }

  const expected = registry.all.map((s) => s.sheetName).filter((name, i, all) => all.indexOf(name) === i).join('、');
  throw new WorkbookUnusableError(
    'no-template-sheet',
    `工作簿中没有模板工作表（应为：${expected}），也没有模板标识`,
    `the workbook has no template sheet (expected one of: ${expected.replace(/、/g, ', ')}) and no template identity`,
  );
}

/** A template as people name it: its title (the id only beside it in English), with the version when given. */
function templateName(spec: TemplateSpec, version?: number): LocalisedText {
  return version === undefined
    ? { zh: spec.title, en: `${spec.title} (${spec.id})` }
    : { zh: `${spec.title}（第 ${version} 版）`, en: `${spec.title} (${spec.id} v${version})` };
}

function unknownTemplate(identity: SheetIdentity): WorkbookUnusableError {
  return new WorkbookUnusableError(
    'unknown-template',
    `工作表“${identity.sheetName}”标识的模板 ${identity.id} 版本 ${identity.version} 不存在`,
    `sheet "${identity.sheetName}" names template ${identity.id} version ${identity.version}, which is not known`,
  );
}
