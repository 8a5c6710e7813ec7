import { valueTypeNames } from '../../findings/codes';
import { createFinding, type FindingPlace } from '../../findings/create-finding';
import type { MessageSlots } from '../../findings/render-message';
import type { Finding } from '../../findings/types';
import { createEnumChoices, type EnumChoices } from '../../normalise/create-enum-choices';
import { dateFromExcelSerial } from '../../normalise/date-from-excel-serial';
import { normaliseDate } from '../../normalise/normalise-date';
import { normaliseEnumValue } from '../../normalise/normalise-enum-value';
import { normaliseMobile } from '../../normalise/normalise-mobile';
import { normaliseMonth } from '../../normalise/normalise-month';
import { normaliseNumber } from '../../normalise/normalise-number';
import { normaliseText } from '../../normalise/normalise-text';
import { normaliseYesNo } from '../../normalise/normalise-yes-no';
import { isSpaceCharacter } from '../../normalise/is-space-character';
import type { Normalised } from '../../normalise/types';
import type { CellValue } from '../../grid/types';
import { DEFAULT_SHEET_LIMITS, type SheetLimits, type ValueType } from '../../spec/schema';
import type { TypedValue } from '../types';

/** Reads one non-empty value of a checker's type: its typed value (reporting a safe fix), or null (reporting why). */
type ValueReader = (checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext) => TypedValue;

/**
 * How one column or header field checks its values: built once per spec by `createValueChecker`.
 * Every checker has every field (undefined when unused), so that the per-cell code reads them
 * from one object shape.
 */
export interface ValueChecker {
  label: string;
  type: ValueType;
  required: boolean;
  /** The reader of the type, chosen once. */
  read: ValueReader;
  enumChoices: EnumChoices | undefined;
  /** "a / b / c" of the enum values, for messages. */
  allowedText: string | undefined;
  min: number | undefined;
  max: number | undefined;
  maxLength: number | undefined;
  unit: string | undefined;
  /** True when min, max or maxLength is set (always for numbers: the sheet's caps bound them). */
  constrained: boolean;
  /** Characters of raw text a cell may hold before anything else is read (the column's maxLength or the sheet's cap, the larger). */
  textCap: number;
  /** Smallest non-zero number in absolute value (numbers, money, whole numbers); 0 for other types. */
  minNonZero: number;
}

/** What a column or header field says about its values. */
export interface ValueSpec {
  label: string;
  type: ValueType;
  required: boolean;
  enum?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  unit?: string;
}

/** The cap on the absolute value of each numeric type, from the sheet's limits. */
function numberCapOf(type: ValueType, limits: SheetLimits): number | undefined {
  if (type === 'money') return limits.maxMoney;
  if (type === 'integer') return limits.maxCount;
  if (type === 'number') return limits.maxNumber;
  return undefined;
}

/**
 * The checker of a column or header field. Numbers get the sheet's caps as bounds where the column
 * declares none (money ±maxMoney, whole numbers ±maxCount, numbers ±maxNumber), and every value a cap
 * on its raw text.
 */
export function createValueChecker(source: ValueSpec, limits: SheetLimits = DEFAULT_SHEET_LIMITS): ValueChecker {
  const cap = numberCapOf(source.type, limits);
  const min = source.min ?? (cap === undefined ? undefined : -cap);
  const max = source.max ?? cap;
  const { maxLength } = source;
  return {
    label: source.label,
    type: source.type,
    required: source.required,
    read: READERS[source.type],
    enumChoices: source.enum ? createEnumChoices(source.enum) : undefined,
    allowedText: source.enum ? source.enum.join(' / ') : undefined,
    min,
    max,
    maxLength,
    unit: source.unit,
    constrained: min !== undefined || max !== undefined || maxLength !== undefined,
    textCap: Math.max(maxLength ?? 0, limits.maxTextLength),
    minNonZero: cap === undefined ? 0 : limits.minNonZero,
  };
}

/** What a check needs besides the value: where findings go and the year of dates without one. */
export interface CheckContext {
  findings: Finding[];
  defaultYear: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks one non-empty value against its column (type, list, bounds, length) and returns the
 * typed value: the value itself, its safe fix, or null when it is invalid (unreadable or out of bounds). Findings go to `context`.
 * Common well-formed values take fast paths that allocate nothing.
 */
export function checkValue(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  if (typeof raw === 'string' && raw.length > checker.textCap) {
    const length = codePoints(raw);
    if (length > checker.textCap) return reportTextOverCap(checker, raw, length, place, context);
  }
  const typed = checker.read(checker, raw, place, context);
  if (typed === null || !checker.constrained) return typed;
  return meetsConstraints(checker, typed, raw, place, context) ? typed : null;
}

function readText(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  return typeof raw === 'string' && !hasEdgeSpace(raw) ? raw : take(normaliseText(raw), checker, raw, place, context);
}

function readInteger(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  return take(normaliseNumber(raw, { integer: true, unit: checker.unit }), checker, raw, place, context);
}

/** Numbers and money. */
function readNumber(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  return take(normaliseNumber(raw, { unit: checker.unit }), checker, raw, place, context);
}

function readDate(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  if (typeof raw === 'number') {
    const typed = dateFromExcelSerial(raw);
    if (typed === null) take({ ok: false, reason: 'not-a-date' }, checker, raw, place, context);
    return typed;
  }
  if (typeof raw === 'string' && ISO_DATE.test(raw)) return take(normaliseDate(raw), checker, raw, place, context);
  return take(normaliseDate(raw, { defaultYear: context.defaultYear }), checker, raw, place, context);
}

function readMonth(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  return take(normaliseMonth(raw), checker, raw, place, context);
}

function readYesNo(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  return raw === '是' || raw === '否' ? raw : take(normaliseYesNo(raw), checker, raw, place, context);
}

function readPhone(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  return typeof raw === 'string' && isMobileDigits(raw) ? raw : take(normaliseMobile(raw), checker, raw, place, context);
}

function readEnum(checker: ValueChecker, raw: CellValue, place: FindingPlace, context: CheckContext): TypedValue {
  const choices = checker.enumChoices;
  if (!choices) throw new Error(`enum column ${checker.label} has no values`);
  return typeof raw === 'string' && choices.exact.has(raw) ? raw : take(normaliseEnumValue(raw, choices), checker, raw, place, context, 'enum-error');
}

const READERS: Readonly<Record<ValueType, ValueReader>> = {
  text: readText,
  integer: readInteger,
  number: readNumber,
  money: readNumber,
  date: readDate,
  month: readMonth,
  boolean: readYesNo,
  phone: readPhone,
  enum: readEnum,
};

function hasEdgeSpace(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 0x20 || last <= 0x20 || isSpaceCharacter(first) || isSpaceCharacter(last) || hasNoBreakSpace(text);
}

/** True when a non-breaking space (U+00A0) stands anywhere in the text. A loop: names are short, a builtin call costs more. */
function hasNoBreakSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xa0) return true;
  return false;
}

/** True for the 11 digits of a mainland mobile, starting with 1 (what /^1\d{10}$/ accepts, without a regular expression). */
function isMobileDigits(text: string): boolean {
  if (text.length !== 11 || text.charCodeAt(0) !== 0x31) return false;
  for (let i = 1; i < 11; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * Takes a normaliser's answer: a changed value is reported with its safe fix (a warning), an
 * unreadable one as an error of `code` (type-error, or enum-error for lists); returns the typed value or null.
 */
function take<T extends string | number>(
  result: Normalised<T>,
  checker: ValueChecker,
  raw: CellValue,
  place: FindingPlace,
  context: CheckContext,
  code: 'type-error' | 'enum-error' = 'type-error',
): T | null {
  if (result.ok) {
    if (result.changed) {
      context.findings.push(createFinding(code, place, { value: raw, fix: result.value, variant: 'fixable', slots: { label: checker.label } }));
    }
    return result.value;
  }
  const slots: MessageSlots =
    code === 'enum-error' ? { label: checker.label, allowed: checker.allowedText ?? '' } : { label: checker.label, type: valueTypeNames[checker.type] };
  const variant = code === 'enum-error' || result.reason === 'unreadable' ? 'default' : result.reason;
  context.findings.push(createFinding(code, place, { value: raw, variant, slots }));
  return null;
}

/**
 * A cell whose raw text is longer than the cap: one `text-too-long` naming the cap (its value cut short
 * by createFinding), nothing else read from it; a cap finding, so the sheet is refused as a whole (413,
 * `pts` exit 2). Counted in characters (code points).
 */
function reportTextOverCap(checker: ValueChecker, raw: string, length: number, place: FindingPlace, context: CheckContext): null {
  context.findings.push(createFinding('text-too-long', place, { value: raw, slots: { label: checker.label, maxLength: checker.textCap, length } }));
  return null;
}

/** Characters of a text, a surrogate pair counting once. */
function codePoints(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) length--;
  }
  return length;
}

/** Checks bounds (inclusive) and length; reports and returns false when one is broken. */
function meetsConstraints(checker: ValueChecker, typed: string | number | boolean, raw: CellValue, place: FindingPlace, context: CheckContext): boolean {
  if (typeof typed === 'number') {
    if (checker.min !== undefined && typed < checker.min) {
      context.findings.push(createFinding('constraint-error', place, { value: raw, variant: 'min', slots: { label: checker.label, min: checker.min } }));
      return false;
    }
    if (checker.max !== undefined && typed > checker.max) {
      context.findings.push(createFinding('constraint-error', place, { value: raw, variant: 'max', slots: { label: checker.label, max: checker.max } }));
      return false;
    }
    if (typed !== 0 && typed > -checker.minNonZero && typed < checker.minNonZero) {
      context.findings.push(
        createFinding('constraint-error', place, { value: raw, variant: 'min-non-zero', slots: { label: checker.label, minNonZero: checker.minNonZero } }),
      );
      return false;
    }
  } else if (typeof typed === 'string' && checker.maxLength !== undefined && typed.length > checker.maxLength) {
    const length = [...typed].length;
    if (length > checker.maxLength) {
      context.findings.push(
        createFinding('constraint-error', place, {
          value: raw,
          variant: 'maxLength',
          slots: { label: checker.label, maxLength: checker.maxLength, length },
        }),
      );
      return false;
    }
  }
  return true;
}
