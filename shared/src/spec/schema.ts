/**
 * The template spec format: a template is data, checked by these schemas.
 * A new template or a new version needs a new spec file, never a change in the engine.
 */
import * as z from '../zod';

export const rankingKindSchema = z.enum(['rank.eq', 'dense']);
export type RankingKind = z.infer<typeof rankingKindSchema>;

/**
 * Caps of one template sheet: they bound the work of checking it and the size of what is stored
 * (docs/data-model.md "Caps"). The pane, the CLI and the server read them from the spec, so all
 * three refuse the same sheets. Every field has a default; a spec file may declare its own.
 */
export const DEFAULT_SHEET_LIMITS = {
  /** Filled data rows per sheet; more is refused as a whole (HTTP 413, CLI exit 2). */
  maxRows: 5000,
  /** Characters of text in one cell of a column that declares no `maxLength` of its own. */
  maxTextLength: 2000,
  /** Largest amount (money columns, yuan or 万元 as the column says), in absolute value. */
  maxMoney: 1e12,
  /** Largest whole number (integer columns: counts, ages, scores), in absolute value. */
  maxCount: 1e6,
  /** Largest other number (number columns), in absolute value. */
  maxNumber: 1e12,
  /** Smallest non-zero number, in absolute value (DynamoDB stores nothing closer to zero than 1e-130). */
  minNonZero: 1e-6,
  /** UTF-8 bytes of the values of one filled row (a DynamoDB item is at most 400 KB with its keys). */
  maxRowBytes: 300_000,
} as const;

/**
 * The spec format's schemas, built by templateSpecSchema() on its first call rather than when this
 * module loads: zod builds each schema with dozens of closures, and a Lambda function that never
 * parses a spec (the built-in ones are stored complete, see builtin-templates.ts) does not pay that
 * at its cold start.
 */
function buildTemplateSpecSchema() {
  /** A1 cell reference such as `B2`. */
  const cellRefSchema = z.string().regex(/^[A-Z]{1,3}[1-9][0-9]*$/, 'cell reference like B2');
  /** Column letters such as `K`. */
  const columnRefSchema = z.string().regex(/^[A-Z]{1,3}$/, 'column letters like K');

  /**
   * Value types a cell can hold.
   * - text: free text (numbers typed into a text cell are taken as their text)
   * - integer: whole number; number: a number; money: number of yuan (accepts 30万, 1,000,000)
   * - date: a calendar day (Excel serial, 2026年12月8日, 2026/12/8, 12月8日)
   * - month: a calendar month (2026-12, 2026年12月, or a date in it)
   * - enum: one of `enum`; boolean: 是/否 (accepts Y/N, √/×)
   * - phone: mainland mobile number, 11 digits starting with 1
   */
  const valueTypeSchema = z.enum(['text', 'integer', 'number', 'money', 'date', 'month', 'enum', 'boolean', 'phone']);

  const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

  /** Organisation lookups a header value must match. */
  const orgRefSchema = z.enum(['subBranch', 'outlet', 'outletOrWorkplace']);

  /** A labelled value in the header block (row 2): label in one cell, value in the next. */
  const headerFieldSchema = z.object({
    key: z.string().min(1),
    label: z.string().min(1),
    labelCell: cellRefSchema,
    valueCell: cellRefSchema,
    type: valueTypeSchema,
    required: z.boolean().default(true),
    enum: z.array(z.string()).optional(),
    /** Which organisation list the value must name (by name or code); skipped without an organisation. */
    orgRef: orgRefSchema.optional(),
    /**
     * What the field means to the engine: `unit` identifies who reports (outlet, workplace),
     * `period` is the day or month reported, `subBranch` the sub-branch, `submitter` who filled it.
     */
    role: z.enum(['subBranch', 'unit', 'period', 'submitter', 'other']).default('other'),
  });

  /**
   * A computed cell of the header block (row 3): label cell, value cell and its formula.
   * In the formula, `{first}` and `{last}` stand for the first and last data row of the issued template.
   */
  const computedCellSchema = z.object({
    key: z.string().min(1),
    label: z.string().min(1),
    labelCell: cellRefSchema,
    valueCell: cellRefSchema,
    formula: z.string().min(1),
  });

  /** One column of the table, left to right. */
  const columnSchema = z.object({
    key: z.string().min(1),
    col: columnRefSchema,
    label: z.string().min(1),
    type: valueTypeSchema,
    /** Required in a filled row; an optional column may stay empty. */
    required: z.boolean().default(true),
    enum: z.array(z.string()).optional(),
    /** Inclusive bounds for numbers. */
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().optional(),
    /** Unit shown to people (元, 万元). */
    unit: z.string().optional(),
    /** A computed column: the formula of every data row, `{r}` standing for the row number. */
    formula: z.string().optional(),
    /** The row-number column (序号): typed or filled by the add-in, never a formula, not counted as filling a row. */
    sequence: z.boolean().default(false),
    /** Width in characters for the generated workbook. */
    width: z.number().positive().optional(),
  });

  /** A condition on another cell of the same row. */
  const conditionSchema = z.object({
    column: columnRefSchema,
    equals: scalarSchema.optional(),
    in: z.array(scalarSchema).optional(),
    /** True: the cell is filled; false: it is empty. */
    filled: z.boolean().optional(),
  });

  const severitySchema = z.enum(['error', 'warning']);

  /** Cross-column rules, checked per row; the finding stands at `column`. */
  const ruleSchema = z.discriminatedUnion('kind', [
    /** `column` is required when `when` holds (C required when I is 电话 or 短信). */
    z.object({ kind: z.literal('required-when'), column: columnRefSchema, when: conditionSchema }),
    /** When `column` satisfies `when`, the row must satisfy `then` (L 是 requires E 高端客户). */
    z.object({
      kind: z.literal('requires'),
      column: columnRefSchema,
      when: conditionSchema,
      then: conditionSchema,
      severity: severitySchema.default('error'),
    }),
    /** `column` may be filled only when `when` holds (R only when Q is 是). */
    z.object({ kind: z.literal('only-when'), column: columnRefSchema, when: conditionSchema }),
    /** A number in `column` strictly below `below` while `when` holds is a finding (普通客户 below 20). */
    z.object({
      kind: z.literal('below-when'),
      column: columnRefSchema,
      when: conditionSchema,
      below: z.number(),
      severity: severitySchema.default('warning'),
    }),
    /** `value` in `column` is allowed but reported (合规提示到位 否). */
    z.object({ kind: z.literal('flag-value'), column: columnRefSchema, value: scalarSchema, severity: severitySchema.default('warning') }),
    /** `column` must not exceed `other` × `factor` (J ≤ I; N above M by more than 10% warns). */
    z.object({
      kind: z.literal('not-above'),
      column: columnRefSchema,
      other: columnRefSchema,
      factor: z.number().positive().default(1),
      severity: severitySchema.default('error'),
    }),
    /** A date in `column` must be one of the organisation's sale days (skipped without organisation). */
    z.object({ kind: z.literal('in-sale-days'), column: columnRefSchema }),
    /** `column` stays empty until the first sale day (judged on the day of checking). */
    z.object({ kind: z.literal('empty-before-first-sale-day'), column: columnRefSchema }),
    /** A date in `column` must fall inside the month of the header field `headerKey`. */
    z.object({ kind: z.literal('in-header-month'), column: columnRefSchema, headerKey: z.string() }),
  ]);

  /** How one summary value is computed from the rows of one unit (outlet or workplace). */
  const summaryColumnSchema = z.discriminatedUnion('agg', [
    /** Rows where `column` is filled (all filled rows when `column` is absent). */
    z.object({ agg: z.literal('count'), label: z.string(), column: columnRefSchema.optional() }),
    /** Rows where `column` equals `value`. */
    z.object({ agg: z.literal('count-equal'), label: z.string(), column: columnRefSchema, value: scalarSchema }),
    /** Sum of the numbers in `column` (one column, or several added). */
    z.object({ agg: z.literal('sum'), label: z.string(), columns: z.array(columnRefSchema).min(1) }),
    /** Mean over the rows of the numbers in `columns` added up per row; empty when no row has one. */
    z.object({ agg: z.literal('average'), label: z.string(), columns: z.array(columnRefSchema).min(1) }),
    /** Share (0..1) of rows whose `column` equals `value` among rows where it is filled. */
    z.object({ agg: z.literal('share'), label: z.string(), column: columnRefSchema, value: scalarSchema }),
    /** `numerator` / `denominator` (two labels of this summary); empty when the denominator is 0. */
    z.object({ agg: z.literal('ratio'), label: z.string(), numerator: z.string(), denominator: z.string() }),
    /** `of` (a label of this summary) against the unit's target for the period; empty when the target is 0. */
    z.object({ agg: z.literal('target-rate'), label: z.string(), of: z.string() }),
  ]);

  const summarySpecSchema = z.object({
    /** Which organisation list the summary lines are: outlets, or workplaces and outlets. */
    units: z.enum(['outlets', 'outletsAndWorkplaces']),
    columns: z.array(summaryColumnSchema).min(1),
    /** The label ranked by, descending; empty values rank last, sharing the rank after every non-empty one. */
    rankBy: z.string(),
    /** Further rankings shown beside the main one (活动追踪: by 产出保费). */
    alsoRankBy: z.array(z.string()).default([]),
    ranking: rankingKindSchema.default('rank.eq'),
  });

  /** Numbers above this cannot be stored as exact DynamoDB numbers from JavaScript (2^53 - 1). */
  const SAFE_NUMBER = Number.MAX_SAFE_INTEGER;

  const sheetLimitsSchema = z.object({
    maxRows: z.number().int().positive().max(1_000_000).default(DEFAULT_SHEET_LIMITS.maxRows),
    maxTextLength: z.number().int().positive().max(100_000).default(DEFAULT_SHEET_LIMITS.maxTextLength),
    // Sums of a sheet's amounts must stay exact: maxRows × maxMoney is checked against 2^53 below.
    maxMoney: z.number().positive().max(SAFE_NUMBER).default(DEFAULT_SHEET_LIMITS.maxMoney),
    maxCount: z.number().int().positive().max(SAFE_NUMBER).default(DEFAULT_SHEET_LIMITS.maxCount),
    maxNumber: z.number().positive().max(SAFE_NUMBER).default(DEFAULT_SHEET_LIMITS.maxNumber),
    minNonZero: z.number().positive().min(1e-100).max(1).default(DEFAULT_SHEET_LIMITS.minNonZero),
    maxRowBytes: z.number().int().positive().max(350_000).default(DEFAULT_SHEET_LIMITS.maxRowBytes),
  });

  return z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9-]*$/),
      version: z.number().int().positive(),
      title: z.string().min(1),
      sheetName: z.string().min(1).max(31),
      /** What one workbook covers: one day or one month per unit. */
      period: z.enum(['day', 'month']),
      /**
       * Which days a daily template is due (the audit): each day of the campaign's accumulation period
       * (`campaign.from`..`campaign.to`, the default) or each of its sale days. Monthly templates are due
       * by the month's last day whatever this says.
       */
      dueOn: z.enum(['campaign-days', 'sale-days']).default('campaign-days'),
      titleCell: cellRefSchema.default('A1'),
      headerFields: z.array(headerFieldSchema),
      computedCells: z.array(computedCellSchema).default([]),
      headerRow: z.number().int().positive().default(4),
      firstDataRow: z.number().int().positive().default(5),
      /** Data rows the issued template provides (drop-downs and formulas reach this far). */
      dataRows: z.number().int().min(1).default(500),
      columns: z.array(columnSchema).min(1),
      rules: z.array(ruleSchema).default([]),
      summary: summarySpecSchema,
      /** Default daily (or monthly) targets per unit, keyed by summary label; the organisation file overrides. */
      targets: z.record(z.string(), z.number().nonnegative()).default({}),
      /** Caps of the sheet (rows, text per cell, number bounds, row size); defaults in DEFAULT_SHEET_LIMITS. */
      limits: sheetLimitsSchema.default(() => sheetLimitsSchema.parse({})),
    })
    .superRefine((spec, ctx) => {
      const cols = new Set(spec.columns.map((c) => c.col));
      const keys = new Set<string>();
      // Each issue carries its JSON path and a Chinese text (`params.zh`) for check-template-spec-text.ts.
      spec.columns.forEach((c, i) => {
        if (keys.has(c.key)) {
          ctx.addIssue({ code: 'custom', message: `duplicate column key ${c.key}`, path: ['columns', i, 'key'], params: { zh: `列的 key “${c.key}” 重复` } });
        }
        keys.add(c.key);
        if ((c.type === 'enum') !== Boolean(c.enum)) {
          ctx.addIssue({
            code: 'custom',
            message: `column ${c.col}: enum values go with type enum`,
            path: ['columns', i, c.enum ? 'enum' : 'type'],
            params: { zh: `列 ${c.col}：type 为 enum 的列必须有 enum 取值列表，其他类型的列不能有` },
          });
        }
      });
      spec.rules.forEach((r, i) => {
        const refs = [r.column];
        if ('other' in r) refs.push(r.other);
        if ('when' in r) refs.push(r.when.column);
        if ('then' in r) refs.push(r.then.column);
        for (const ref of refs) {
          if (!cols.has(ref)) {
            ctx.addIssue({ code: 'custom', message: `rule ${r.kind} names unknown column ${ref}`, path: ['rules', i], params: { zh: `规则 ${r.kind} 引用了不存在的列 ${ref}` } });
          }
        }
      });
      const labels = new Set(spec.summary.columns.map((c) => c.label));
      [spec.summary.rankBy, ...spec.summary.alsoRankBy].forEach((label, i) => {
        if (!labels.has(label)) {
          ctx.addIssue({
            code: 'custom',
            message: `summary ranks by unknown label ${label}`,
            path: i === 0 ? ['summary', 'rankBy'] : ['summary', 'alsoRankBy', i - 1],
            params: { zh: `汇总按未定义的标签“${label}”排名` },
          });
        }
      });
      if (spec.limits.maxRows * Math.max(spec.limits.maxMoney, spec.limits.maxNumber) > SAFE_NUMBER) {
        ctx.addIssue({ code: 'custom', message: 'limits: maxRows × maxMoney (and maxNumber) must stay within 2^53 so that sums stay exact', path: ['limits'], params: { zh: 'limits：maxRows × maxMoney（及 maxNumber）不得超过 2^53，合计才精确' } });
      }
      for (const c of spec.columns) {
        if (c.max !== undefined && Math.abs(c.max) > SAFE_NUMBER) ctx.addIssue({ code: 'custom', message: `column ${c.col}: max above 2^53`, params: { zh: `第 ${c.col} 列：max 超过 2^53` } });
        if (c.min !== undefined && Math.abs(c.min) > SAFE_NUMBER) ctx.addIssue({ code: 'custom', message: `column ${c.col}: min below -2^53`, params: { zh: `第 ${c.col} 列：min 低于 -2^53` } });
      }
      if (spec.firstDataRow <= spec.headerRow) {
        ctx.addIssue({ code: 'custom', message: 'firstDataRow must come after headerRow', path: ['firstDataRow'], params: { zh: 'firstDataRow（首个数据行）必须在 headerRow（表头行）之后' } });
      }
    });
}

type TemplateSpecSchema = ReturnType<typeof buildTemplateSpecSchema>;
let builtTemplateSpecSchema: TemplateSpecSchema | undefined;

/** The schema of a spec file (defaults, cross-references, caps), built once on first use. */
export function templateSpecSchema(): TemplateSpecSchema {
  return (builtTemplateSpecSchema ??= buildTemplateSpecSchema());
}

/** A template spec as written in a spec file (defaults not yet applied). */
export type TemplateSpecInput = z.input<TemplateSpecSchema>;
/** A checked template spec, defaults applied. */
export type TemplateSpec = z.output<TemplateSpecSchema>;
/** Value types a cell can hold (see the schema's valueTypeSchema). */
export type ValueType = Column['type'];
/** A labelled value in the header block (row 2). */
export type HeaderField = TemplateSpec['headerFields'][number];
/** A computed cell of the header block (row 3). */
export type ComputedCell = TemplateSpec['computedCells'][number];
/** One column of the table. */
export type Column = TemplateSpec['columns'][number];
/** A cross-column rule. */
export type Rule = TemplateSpec['rules'][number];
/** A condition on another cell of the same row. */
export type Condition = Extract<Rule, { kind: 'required-when' }>['when'];
/** How one summary value is computed. */
export type SummaryColumn = TemplateSpec['summary']['columns'][number];
export type SummarySpec = TemplateSpec['summary'];
/** Caps of one template sheet, defaults applied. */
export type SheetLimits = TemplateSpec['limits'];

/** The identity a workbook carries for one of its sheets. */
export interface TemplateIdentity {
  id: string;
  version: number;
}
