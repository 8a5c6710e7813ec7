import type { Finding } from '../../findings/types';
import type { TemplateSpec } from '../../spec/schema';
import { planFixWrite, type FixWrite } from '../../validation/plan-fix-write';
import { DEFAULT_WORKBOOK_READ_LIMITS, type WorkbookReadLimits } from '../workbook-limits';
import { DateStyles } from './_lib/date-styles';
import { findEntry, locateParts } from './_lib/package-parts';
import { dropCachedResults, patchSheetCells, type CellPatch, type ExistingCell } from './_lib/patch-sheet-xml';
import { readPackage, writePackage, type PackageEntry } from './_lib/zip-package';
import { escapeXmlText, withAttribute } from './_lib/xml-text';

/**
 * Writes the safe fixes of findings into the workbook's own cells and returns the new .xlsx bytes,
 * changing only what the fixes need: in each fixed sheet's part, the `<c>` of each fixed cell
 * (planFixWrite decides what goes there: a formula, a date serial, a number or an inline string, so the
 * shared strings stay as they were) and the cached results of its formula cells, which every
 * spreadsheet then computes on opening (LibreOffice ignores fullCalcOnLoad); in workbook.xml,
 * `fullCalcOnLoad="1"` for Excel; in styles.xml, a date style only when a date fix finds none to reuse.
 * Every other part is copied as it was (re-zipped in the same order, the same bytes once inflated):
 * protection, drop-downs, the identity sheet, whatever else the file holds.
 * Bounded by the read caps (`limits`) while inflating; Uint8Array only, so it runs in the browser too.
 * Without a fix to write, the bytes come back as they were.
 */
export async function writeFixesToWorkbook(
  bytes: Uint8Array,
  spec: TemplateSpec,
  fixes: readonly Finding[],
  limits: WorkbookReadLimits = DEFAULT_WORKBOOK_READ_LIMITS,
): Promise<Uint8Array> {
  const plans = fixes.map((finding) => planFixWrite(spec, finding)).filter((plan): plan is FixWrite => plan !== null);
  if (plans.length === 0) return bytes;
  const entries = await readPackage(bytes, limits);
  const parts = locateParts(entries);
  const stylesEntry = parts.styles !== undefined ? findEntry(entries, parts.styles) : undefined;
  const styles = stylesEntry ? new DateStyles(decode(stylesEntry.data)) : undefined;
  const changed = new Map<PackageEntry, string>();

  const bySheet = new Map<string, FixWrite[]>();
  for (const plan of plans) {
    const list = bySheet.get(plan.sheetName);
    if (list) list.push(plan);
    else bySheet.set(plan.sheetName, [plan]);
  }
  for (const [sheetName, sheetPlans] of bySheet) {
    const partName = parts.sheets.get(sheetName);
    const entry = partName !== undefined ? findEntry(entries, partName) : undefined;
    if (!entry) continue;
    const xml = decode(entry.data);
    const columnDateStyle = columnDateStyleFinder(xml, spec, styles);
    // The last fix of a cell wins, as applySafeFixes leaves it.
    const byCell = new Map(sheetPlans.map((plan) => [plan.cell, plan]));
    const patches = [...byCell.values()].map((plan): CellPatch => ({ ref: plan.cell, element: (existing) => cellElement(plan, existing, styles, columnDateStyle) }));
    changed.set(entry, dropCachedResults(patchSheetCells(xml, patches)));
  }
  if (changed.size === 0) return bytes;

  const workbookEntry = findEntry(entries, parts.workbook)!;
  changed.set(workbookEntry, withFullCalcOnLoad(decode(workbookEntry.data)));
  if (stylesEntry && styles?.changed) changed.set(stylesEntry, styles.toXml());
  const encoder = new TextEncoder();
  return writePackage(entries.map((entry) => {
    const text = changed.get(entry);
    return text === undefined ? entry : { ...entry, data: encoder.encode(text) };
  }));
}

function decode(data: Uint8Array): string {
  return new TextDecoder().decode(data);
}

function cellElement(plan: FixWrite, existing: ExistingCell | undefined, styles: DateStyles | undefined, columnDateStyle: (plan: FixWrite) => number | undefined): string {
  const ref = `r="${plan.cell}"`;
  const style = (s: number | undefined) => (s !== undefined ? ` s="${s}"` : '');
  switch (plan.kind) {
    case 'formula':
      return `<c ${ref}${style(existing?.style)}><f>${escapeXmlText(plan.formula)}</f></c>`;
    case 'number':
      return `<c ${ref}${style(existing?.style)}><v>${plan.value}</v></c>`;
    case 'text': {
      const space = /^\s|\s$/.test(plan.value) ? ' xml:space="preserve"' : '';
      return `<c ${ref}${style(existing?.style)} t="inlineStr"><is><t${space}>${escapeXmlText(plan.value)}</t></is></c>`;
    }
    case 'date': {
      const dateStyle = !styles || styles.isDateStyle(existing?.style) ? existing?.style : (columnDateStyle(plan) ?? styles.dateStyleLike(existing?.style, plan.numberFormat));
      return `<c ${ref}${style(dateStyle)}><v>${plan.serial}</v></c>`;
    }
  }
}

/**
 * The date style other data cells of the fix's column already carry (the template's own, e.g. the
 * yyyy-mm-dd of 预约到场日期 when one cell of it lost it), or undefined. Header cells have no column to ask.
 */
function columnDateStyleFinder(xml: string, spec: TemplateSpec, styles: DateStyles | undefined): (plan: FixWrite) => number | undefined {
  const found = new Map<string, number | undefined>();
  return (plan) => {
    if (!styles || plan.row < spec.firstDataRow) return undefined;
    if (!found.has(plan.column)) {
      let style: number | undefined;
      for (const tag of xml.matchAll(new RegExp(`<c\\b[^>]*?\\sr="${plan.column}(\\d+)"[^>]*>`, 'g'))) {
        const s = /\ss="(\d+)"/.exec(tag[0]);
        if (Number(tag[1]) >= spec.firstDataRow && s && styles.isDateStyle(Number(s[1]))) {
          style = Number(s[1]);
          break;
        }
      }
      found.set(plan.column, style);
    }
    return found.get(plan.column);
  };
}

/** The schema's children of <workbook> that come after <calcPr>: a new calcPr goes before the first of them. */
const AFTER_CALC_PR = /<(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/;

/** workbook.xml asking for full recalculation on load (Excel; LibreOffice recalculates the formulas without a cached result). */
function withFullCalcOnLoad(xml: string): string {
  const calcPr = /<calcPr\b[^>]*?\/?>/.exec(xml);
  if (calcPr) return xml.slice(0, calcPr.index) + withAttribute(calcPr[0], 'fullCalcOnLoad', '1') + xml.slice(calcPr.index + calcPr[0].length);
  const at = xml.search(AFTER_CALC_PR);
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}
