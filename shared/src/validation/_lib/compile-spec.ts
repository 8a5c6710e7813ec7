import { slotPhrases } from '../../findings/codes';
import { localisePhrase } from '../../findings/localise-phrase';
import type { LocalisedText } from '../../findings/render-message';
import { DEFAULT_SHEET_LIMITS, type Column, type Condition, type HeaderField, type Rule, type SheetLimits, type TemplateSpec } from '../../spec/schema';
import type { TypedValue } from '../types';
import { columnIndex, parseCellRef, type CellPosition } from './cell-ref';
import { createValueChecker, type ValueChecker } from './check-value';

/** A label the sheet must hold at a cell. */
export interface LabelCheck {
  position: CellPosition;
  expected: string;
}

export interface CompiledColumn {
  column: Column;
  /** The column's letters, label and required flag, copied out of `column` (specs' columns differ in shape; these do not). */
  letter: string;
  label: string;
  required: boolean;
  index: number;
  checker: ValueChecker;
  computed: boolean;
  /** Counts towards "the row is filled": neither 序号 nor computed. */
  fills: boolean;
}

export interface CompiledHeaderField {
  field: HeaderField;
  label: LabelCheck;
  value: CellPosition;
  checker: ValueChecker;
}

export interface CompiledComputedCell {
  label: string;
  labelCheck: LabelCheck;
  value: CellPosition;
}

export interface CompiledCondition {
  index: number;
  /** Allowed typed values (equals / in; no duplicates, usually one or two), or null when the condition is about being filled. */
  values: readonly TypedValue[] | null;
  filled?: boolean;
  /** The condition in words, for messages. */
  text: LocalisedText;
}

/** A rule's own severity (the spec's default per kind already applied). */
type RuleSeverity = 'error' | 'warning';

/** Where a cross-column rule stands: its own column, where its finding is reported. */
interface CompiledRuleAt {
  /** Zero-based index, letters and label of the rule's own column. */
  index: number;
  column: string;
  label: string;
}

/** The column must be filled when the condition holds (required-when), or may be filled only then (only-when). */
export interface CompiledConditionalFillRule extends CompiledRuleAt {
  kind: 'required-when' | 'only-when';
  when: CompiledCondition;
}

/** When `when` holds, `then` must hold too. */
export interface CompiledRequiresRule extends CompiledRuleAt {
  kind: 'requires';
  when: CompiledCondition;
  then: CompiledCondition;
  severity: RuleSeverity;
}

/** When the condition holds, the column's number must not be below `below`. */
export interface CompiledBelowWhenRule extends CompiledRuleAt {
  kind: 'below-when';
  when: CompiledCondition;
  below: number;
  severity: RuleSeverity;
}

/** A value worth a second look when the column holds it. */
export interface CompiledFlagValueRule extends CompiledRuleAt {
  kind: 'flag-value';
  value: TypedValue;
  severity: RuleSeverity;
}

/** The column's number must not be above `factor` times the other column's. */
export interface CompiledNotAboveRule extends CompiledRuleAt {
  kind: 'not-above';
  /** Index and label of the other column. */
  other: number;
  otherLabel: string;
  factor: number;
  severity: RuleSeverity;
}

/** A date among the campaign's sale days, or nothing before the first one (both need the organisation). */
export interface CompiledSaleDayRule extends CompiledRuleAt {
  kind: 'in-sale-days' | 'empty-before-first-sale-day';
}

/** A date in the month of a header field (the report's period). */
export interface CompiledInHeaderMonthRule extends CompiledRuleAt {
  kind: 'in-header-month';
  headerKey: string;
  headerLabel: string;
}

/** A cross-column rule ready for the row loop: one shape per kind, as the spec's rules are. */
export type CompiledRule =
  | CompiledConditionalFillRule
  | CompiledRequiresRule
  | CompiledBelowWhenRule
  | CompiledFlagValueRule
  | CompiledNotAboveRule
  | CompiledSaleDayRule
  | CompiledInHeaderMonthRule;

/** A spec prepared for checking many rows: positions resolved, enum lookups and rule conditions built once. */
export interface CompiledSpec {
  spec: TemplateSpec;
  title: LabelCheck;
  headerFields: CompiledHeaderField[];
  computedCells: CompiledComputedCell[];
  /** Columns in the order of the spec (left to right). */
  columns: CompiledColumn[];
  /** Columns by zero-based index (sparse when the spec skips letters). */
  byIndex: (CompiledColumn | undefined)[];
  /** Indexes of the columns that fill a row. */
  fillingIndexes: number[];
  lastColumnIndex: number;
  rules: CompiledRule[];
  /** Cells of the header block rows (between title and header row) that belong to the layout, as "row:col" keys. */
  layoutCells: ReadonlySet<string>;
  /** Every column letter mapped to null, in column order: the shape of a typed row's values. */
  emptyValues: Readonly<Record<string, TypedValue>>;
  /** The header field whose value is the period (its year dates dates written without one). */
  periodField?: CompiledHeaderField;
  /** The sheet's caps (the spec's, or the defaults for a spec built without its schema). */
  limits: SheetLimits;
}

const compiled = new WeakMap<TemplateSpec, CompiledSpec>();

/** Compiles a spec once (cached per spec object). */
export function compileSpec(spec: TemplateSpec): CompiledSpec {
  const cached = compiled.get(spec);
  if (cached) return cached;
  const result = build(spec);
  compiled.set(spec, result);
  return result;
}

function build(spec: TemplateSpec): CompiledSpec {
  const limits: SheetLimits = spec.limits ?? DEFAULT_SHEET_LIMITS;
  const checkerOf = (source: Column | HeaderField) => checkerWithLimits(source, limits);
  const columns: CompiledColumn[] = spec.columns.map((column) => ({
    column,
    letter: column.col,
    label: column.label,
    required: column.required,
    index: columnIndex(column.col),
    checker: checkerOf(column),
    computed: column.formula !== undefined,
    fills: !column.sequence && column.formula === undefined,
  }));
  const byIndex: (CompiledColumn | undefined)[] = [];
  for (const c of columns) byIndex[c.index] = c;
  const byLetter = new Map(columns.map((c) => [c.column.col, c]));
  const headerFields = spec.headerFields.map((field) => ({
    field,
    label: { position: parseCellRef(field.labelCell), expected: field.label },
    value: parseCellRef(field.valueCell),
    checker: checkerOf(field),
  }));
  const computedCells = spec.computedCells.map((cell) => ({
    label: cell.label,
    labelCheck: { position: parseCellRef(cell.labelCell), expected: cell.label },
    value: parseCellRef(cell.valueCell),
  }));
  const layoutCells = new Set<string>();
  for (const f of headerFields) layoutCells.add(key(f.label.position)).add(key(f.value));
  for (const c of computedCells) layoutCells.add(key(c.labelCheck.position)).add(key(c.value));
  const title = { position: parseCellRef(spec.titleCell), expected: spec.title };
  layoutCells.add(key(title.position));
  return {
    spec,
    title,
    headerFields,
    computedCells,
    columns,
    byIndex,
    fillingIndexes: columns.filter((c) => c.fills).map((c) => c.index),
    lastColumnIndex: Math.max(...columns.map((c) => c.index)),
    rules: spec.rules.map((rule) => compileRule(rule, byLetter, spec)),
    layoutCells,
    emptyValues: Object.fromEntries(columns.map((c) => [c.column.col, null])),
    periodField: headerFields.find((f) => f.field.role === 'period' && (f.field.type === 'date' || f.field.type === 'month')),
    limits,
  };
}

function key(position: CellPosition): string {
  return `${position.rowIndex}:${position.columnIndex}`;
}

function checkerWithLimits(source: Column | HeaderField, limits: SheetLimits): ValueChecker {
  return createValueChecker({
    label: source.label,
    type: source.type,
    required: source.required,
    enum: source.enum,
    min: 'min' in source ? source.min : undefined,
    max: 'max' in source ? source.max : undefined,
    maxLength: 'maxLength' in source ? source.maxLength : undefined,
    unit: 'unit' in source ? source.unit : undefined,
  }, limits);
}

function compileRule(rule: Rule, byLetter: Map<string, CompiledColumn>, spec: TemplateSpec): CompiledRule {
  const at = (letter: string): CompiledColumn => {
    const column = byLetter.get(letter);
    if (!column) throw new Error(`rule ${rule.kind} names unknown column ${letter}`);
    return column;
  };
  const own = at(rule.column);
  const ruleAt: CompiledRuleAt = { index: own.index, column: own.column.col, label: own.column.label };
  switch (rule.kind) {
    case 'required-when':
    case 'only-when':
      return { ...ruleAt, kind: rule.kind, when: compileCondition(rule.when, at(rule.when.column)) };
    case 'requires':
      return {
        ...ruleAt,
        kind: rule.kind,
        when: compileCondition(rule.when, at(rule.when.column)),
        then: compileCondition(rule.then, at(rule.then.column)),
        severity: rule.severity,
      };
    case 'below-when':
      return { ...ruleAt, kind: rule.kind, when: compileCondition(rule.when, at(rule.when.column)), below: rule.below, severity: rule.severity };
    case 'flag-value':
      return { ...ruleAt, kind: rule.kind, value: typedOf(rule.value, own), severity: rule.severity };
    case 'not-above': {
      const other = at(rule.other);
      return { ...ruleAt, kind: rule.kind, other: other.index, otherLabel: other.column.label, factor: rule.factor, severity: rule.severity };
    }
    case 'in-sale-days':
    case 'empty-before-first-sale-day':
      return { ...ruleAt, kind: rule.kind };
    case 'in-header-month': {
      const field = spec.headerFields.find((f) => f.key === rule.headerKey);
      if (!field) throw new Error(`rule in-header-month names unknown header field ${rule.headerKey}`);
      return { ...ruleAt, kind: rule.kind, headerKey: rule.headerKey, headerLabel: field.label };
    }
  }
}

/** A spec value as the typed value it compares with (true/false in a 是/否 column are 是/否). */
function typedOf(value: string | number | boolean, column: CompiledColumn): TypedValue {
  if (column.column.type === 'boolean' && typeof value === 'boolean') return value ? '是' : '否';
  return value;
}

function compileCondition(condition: Condition, column: CompiledColumn): CompiledCondition {
  const label = column.column.label;
  if (condition.equals !== undefined || condition.in !== undefined) {
    const list = condition.in ?? [condition.equals as string | number | boolean];
    const values = new Set(list.map((v) => typedOf(v, column)));
    const text =
      values.size === 1
        ? localisePhrase(slotPhrases.equals, { column: label, values: String([...values][0]) })
        : localisePhrase(slotPhrases.oneOf, { column: label, values: [...values].map((v) => `“${String(v)}”`).join(' / ') });
    return { index: column.index, values: [...values], filled: condition.filled, text };
  }
  const filled = condition.filled ?? true;
  return { index: column.index, values: null, filled, text: localisePhrase(filled ? slotPhrases.filled : slotPhrases.empty, { column: label }) };
}
