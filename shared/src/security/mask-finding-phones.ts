import type { Finding } from '../findings/types';
import { normaliseMobile } from '../normalise/normalise-mobile';
import type { TemplateSpec } from '../spec/schema';
import { maskPhone } from './mask-phone';
import { maskPhonesInText } from './mask-phones-in-text';

type FindingValue = Finding['value'];

/** A value of a phone cell, masked whatever it holds (a number, `+86 138-0013-8000`, ten digits). */
function maskPhoneCell(value: string | number): string {
  const normalised = normaliseMobile(value);
  return maskPhone(normalised.ok ? normalised.value : String(value));
}

/** A value outside phone cells: texts lose the mobile numbers they hold, a number that is a mobile number is masked. */
function maskOtherValue<T extends FindingValue>(value: T): T | string {
  if (typeof value === 'string') return maskPhonesInText(value);
  if (typeof value === 'number' && normaliseMobile(value).ok) return maskPhoneCell(value);
  return value;
}

function isPhoneCell(finding: Finding, spec: TemplateSpec | undefined): boolean {
  if (!spec || finding.column === undefined || !finding.address.startsWith(`${spec.sheetName}!`)) return false;
  return spec.columns.some((column) => column.type === 'phone' && column.col === finding.column);
}

function replaceAll(text: string, from: string, to: string): string {
  return from === '' || from === to ? text : text.split(from).join(to);
}

/**
 * A finding as anyone but the sheet's own outlet head may see it (PIPL; contract.md "HTTP API"): in a
 * phone cell of `spec`, the `value` and the `fix` are masked (`138****8000`); anywhere, a mobile number
 * written in the value, the fix, the note or either message is masked. The one masking of findings
 * that every read view (GET /submissions, GET /audit, GET /consolidated) applies. Returns a copy.
 */
export function maskFindingPhones(finding: Finding, spec?: TemplateSpec): Finding {
  const phoneCell = isPhoneCell(finding, spec);
  const mask = (value: FindingValue): FindingValue => {
    if (value === null || value === '' || typeof value === 'boolean') return value;
    return phoneCell ? maskPhoneCell(value) : maskOtherValue(value);
  };
  const value = mask(finding.value);
  const fix = mask(finding.fix) as Finding['fix'];
  const maskMessage = (text: string): string => {
    let out = text;
    if (finding.value !== null && value !== finding.value) out = replaceAll(out, String(finding.value), String(value));
    if (finding.fix !== null && fix !== finding.fix) out = replaceAll(out, String(finding.fix), String(fix));
    return maskPhonesInText(out);
  };
  const masked: Finding = { ...finding, value, fix, message_zh: maskMessage(finding.message_zh), message_en: maskMessage(finding.message_en) };
  if (finding.note !== undefined) masked.note = maskPhonesInText(finding.note);
  return masked;
}
