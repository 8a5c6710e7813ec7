import { createFinding } from '../findings/create-finding';
import type { SheetGrid, SheetIdentity, WorkbookGrid } from '../grid/types';
import type { LocalisedText } from '../findings/render-message';
import type { Organisation } from '../org/schema';
import type { TemplateSpec } from '../spec/schema';
import type { TemplateRegistry } from '../spec/template-registry';
import { cellAt } from './_lib/grid-cells';
import { columnIndex, parseCellRef } from './_lib/cell-ref';
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
 * A renamed template sheet (邀约明细 → 邀约明细表: the identity names a sheet the workbook no longer
 * has) is found by its identity all the same: the one sheet no identity names that still looks like
 * the identity's template (its title, or most of its header row labels) is checked, with a
 * `template-sheet-renamed` error (the audit counts a renamed sheet as non-compliant).
 * Throws WorkbookUnusableError ('unknown-template') when an identity names a template or version
 * the registry does not know, and ('no-template-sheet') when no sheet can be matched.
 */
export function validateWorkbook(workbook: WorkbookGrid, registry: TemplateRegistry, options: ValidateWorkbookOptions): SheetValidation {
  const identified = workbook.identities
    .map((identity) => ({ identity, sheet: workbook.sheets.find((s) => s.sheetName.trim() === identity.sheetName.trim()) }))
    .filter((pair): pair is { identity: SheetIdentity; sheet: NonNullable<typeof pair.sheet> } => pair.sheet !== undefined);

  if (identified.length === 0) {
    const renamed = findRenamedSheet(workbook, registry);
    if (renamed) {
      const { identity, sheet, spec } = renamed;
      const result = validateIdentifiedSheet(sheet, identity, spec, registry, options);
      result.findings.unshift(
        createFinding('template-sheet-renamed', { sheetName: sheet.sheetName }, {
          value: sheet.sheetName,
          slots: { expected: identity.sheetName, template: `${spec.id} v${spec.version}` },
        }),
      );
      result.hasErrors = true;
      return result;
    }
  }

  if (identified.length > 0) {
    const { identity, sheet } = identified[0];
    const spec = registry.find({ id: identity.id, version: identity.version });
    if (!spec) throw unknownTemplate(identity);
    return validateIdentifiedSheet(sheet, identity, spec, registry, options);
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
  if (workbook.identities.length > 0) {
    const named = workbook.identities.map((identity) => identity.sheetName).join('、');
    throw new WorkbookUnusableError(
      'no-template-sheet',
      `模板标识所指的工作表（${named}）不在工作簿中，也没有其他工作表与模板相符（应为：${expected}）`,
      `the sheet the template identity names (${named.replace(/、/g, ', ')}) is not in the workbook, and no other sheet matches a template (expected one of: ${expected.replace(/、/g, ', ')})`,
    );
  }
  throw new WorkbookUnusableError(
    'no-template-sheet',
    `工作簿中没有模板工作表（应为：${expected}），也没有模板标识`,
    `the workbook has no template sheet (expected one of: ${expected.replace(/、/g, ', ')}) and no template identity`,
  );
}

/** Checks a sheet against the spec of its identity; an identity older than the current version adds `template-version-outdated`. */
function validateIdentifiedSheet(
  sheet: SheetGrid,
  identity: SheetIdentity,
  spec: TemplateSpec,
  registry: TemplateRegistry,
  options: ValidateWorkbookOptions,
): SheetValidation {
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

/**
 * The sheet an identity names under its old name: among the sheets no identity names, the only one
 * that looks like the identity's template (title cell, or at least half of the header row labels).
 * Undefined when none or more than one does, or when the identity names no known template.
 */
function findRenamedSheet(workbook: WorkbookGrid, registry: TemplateRegistry): { identity: SheetIdentity; sheet: SheetGrid; spec: TemplateSpec } | undefined {
  const named = new Set(workbook.identities.map((identity) => identity.sheetName.trim()));
  const unnamed = workbook.sheets.filter((sheet) => !named.has(sheet.sheetName.trim()));
  for (const identity of workbook.identities) {
    const spec = registry.find({ id: identity.id, version: identity.version });
    if (!spec) continue;
    const candidates = unnamed.filter((sheet) => looksLikeTemplate(sheet, spec));
    if (candidates.length === 1) return { identity, sheet: candidates[0], spec };
  }
  return undefined;
}

function looksLikeTemplate(sheet: SheetGrid, spec: TemplateSpec): boolean {
  const title = parseCellRef(spec.titleCell);
  if (String(cellAt(sheet, title.rowIndex, title.columnIndex) ?? '').trim() === spec.title) return true;
  const headerIndex = spec.headerRow - 1;
  const matching = spec.columns.filter((c) => String(cellAt(sheet, headerIndex, columnIndex(c.col)) ?? '').trim() === c.label).length;
  return matching * 2 >= spec.columns.length;
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
