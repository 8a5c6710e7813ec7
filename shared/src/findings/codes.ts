/**
 * The catalogue of findings: every code once, with its severity and its message templates in
 * Chinese and English. Messages are rendered only from here (see `createFinding`).
 * Slots are written `{name}`; a slot's value is a string, a number, or a text in both languages.
 * Codes are kebab-case and never renamed.
 */
import type { Severity } from './types';

export interface MessageTemplate {
  zh: string;
  en: string;
}

export interface FindingCodeDefinition {
  /** Severity of a finding of this code, unless the spec's rule says otherwise. */
  severity: Severity;
  /** Severity when the finding carries a safe fix (the value only needs normalising). */
  severityWithFix?: Severity;
  /** One line on what the code means (for the audit and the docs). */
  description: string;
  /** Message templates by variant; `default` always exists. The variant is the finding's `note`. */
  messages: { default: MessageTemplate } & Record<string, MessageTemplate>;
}

export const findingCodes = {
  'missing-label': {
    severity: 'error',
    description: 'A label of the template (title, header block, header row) is missing.',
    messages: {
      default: { zh: '{address} 缺少模板标签“{expected}”', en: '{address}: the template label "{expected}" is missing' },
    },
  },
  'incorrect-label': {
    severity: 'error',
    description: 'A label differs from the template after trimming spaces.',
    messages: {
      default: {
        zh: '{address} 的标签“{value}”与模板不符，应为“{expected}”',
        en: '{address}: the label "{value}" differs from the template, expected "{expected}"',
      },
    },
  },
  'extra-label': {
    severity: 'error',
    description: 'A cell outside the template layout (header block or header row) holds text.',
    messages: {
      default: {
        zh: '{address} 有模板之外的内容“{value}”，请勿改动模板结构',
        en: '{address}: "{value}" is not part of the template; do not change the template layout',
      },
    },
  },
  'blank-row': {
    severity: 'notice',
    description: 'Empty rows stand between filled rows; they are ignored.',
    messages: {
      default: {
        zh: '{address} 起有 {count} 行空行夹在已填写的行之间（第 {rows} 行），已忽略',
        en: '{address}: {count} empty row(s) between filled rows (rows {rows}), ignored',
      },
    },
  },
  'type-error': {
    severity: 'error',
    severityWithFix: 'warning',
    description: 'A value cannot be read as the type of its column or field.',
    messages: {
      default: {
        zh: '{address}（{label}）的值“{value}”不是有效的{type}',
        en: '{address} ({label}): "{value}" is not a valid {type}',
      },
      fixable: {
        zh: '{address}（{label}）的值“{value}”写法不规范，可修正为“{fix}”',
        en: '{address} ({label}): "{value}" is not written the standard way; it can be fixed to "{fix}"',
      },
      ambiguous: {
        zh: '{address}（{label}）的值“{value}”有歧义，无法确定为{type}，请改写',
        en: '{address} ({label}): "{value}" is ambiguous as a {type}; please rewrite it',
      },
      'not-integer': {
        zh: '{address}（{label}）的值“{value}”应为整数',
        en: '{address} ({label}): "{value}" must be a whole number',
      },
      'not-a-date': {
        zh: '{address}（{label}）的值“{value}”不是存在的日期',
        en: '{address} ({label}): "{value}" is not a day that exists',
      },
    },
  },
  'constraint-error': {
    severity: 'error',
    description: 'A value breaks a bound or length limit of its column.',
    messages: {
      default: { zh: '{address}（{label}）的值“{value}”不符合要求', en: '{address} ({label}): "{value}" is not allowed' },
      min: { zh: '{address}（{label}）的值 {value} 应不小于 {min}', en: '{address} ({label}): {value} must be at least {min}' },
      max: { zh: '{address}（{label}）的值 {value} 应不大于 {max}', en: '{address} ({label}): {value} must be at most {max}' },
      maxLength: {
        zh: '{address}（{label}）最多 {maxLength} 个字符，现有 {length} 个',
        en: '{address} ({label}): at most {maxLength} characters allowed, found {length}',
      },
      'min-non-zero': {
        zh: '{address}（{label}）的值 {value} 过于接近零：非零数值的绝对值至少为 {minNonZero}',
        en: '{address} ({label}): {value} is too close to zero; a non-zero number must be at least {minNonZero} in absolute value',
      },
    },
  },
  'required-error': {
    severity: 'error',
    description: 'A required value is empty.',
    messages: {
      default: { zh: '{address}（{label}）为必填项，不能为空', en: '{address} ({label}) is required and must not be empty' },
    },
  },
  'enum-error': {
    severity: 'error',
    severityWithFix: 'warning',
    description: 'A value is not one of the allowed values of its list.',
    messages: {
      default: {
        zh: '{address}（{label}）的值“{value}”不在可选范围内：{allowed}',
        en: '{address} ({label}): "{value}" is not one of: {allowed}',
      },
      fixable: {
        zh: '{address}（{label}）的值“{value}”含多余空格或全角字符，可修正为“{fix}”',
        en: '{address} ({label}): "{value}" has stray spaces or full-width characters; it can be fixed to "{fix}"',
      },
    },
  },
  'cross-field-error': {
    severity: 'error',
    description: 'A rule between cells of one row is broken; the finding stands at the dependent cell.',
    messages: {
      default: { zh: '{address}（{label}）与同行其他单元格不一致', en: '{address} ({label}) is inconsistent with its row' },
      'required-when': {
        zh: '{address}（{label}）为必填项：{when}',
        en: '{address} ({label}) is required because {when}',
      },
      requires: {
        zh: '{address}（{label}）为“{value}”时要求{then}',
        en: '{address} ({label}): "{value}" requires that {then}',
      },
      'only-when': {
        zh: '{address}（{label}）只能在{when}时填写',
        en: '{address} ({label}) may be filled only when {when}',
      },
      'below-when': {
        zh: '{address}（{label}）为 {value}，{when}时应不低于 {below}',
        en: '{address} ({label}) is {value}; when {when} it should not be below {below}',
      },
      'not-above': {
        zh: '{address}（{label}）为 {value}，不能超过{other}（{otherValue}）',
        en: '{address} ({label}) is {value}, above {other} ({otherValue})',
      },
      'not-above-factor': {
        zh: '{address}（{label}）为 {value}，超过了{other}（{otherValue}）的 {factor}',
        en: '{address} ({label}) is {value}, above {factor} of {other} ({otherValue})',
      },
      'in-sale-days': {
        zh: '{address}（{label}）{value} 不是活动的特卖日（{saleDays}）',
        en: '{address} ({label}): {value} is not one of the campaign sale days ({saleDays})',
      },
      'empty-before-first-sale-day': {
        zh: '{address}（{label}）在首个特卖日 {firstSaleDay} 之前应保持为空（检查日 {asOf}）',
        en: '{address} ({label}) must stay empty until the first sale day {firstSaleDay} (checked on {asOf})',
      },
      'in-header-month': {
        zh: '{address}（{label}）{value} 不在{other} {month} 之内',
        en: '{address} ({label}): {value} is not inside {other} {month}',
      },
    },
  },
  'flagged-value': {
    severity: 'warning',
    description: 'An allowed value the template asks to report (合规提示到位 否).',
    messages: {
      default: {
        zh: '{address}（{label}）为“{value}”，已记录并上报',
        en: '{address} ({label}) is "{value}"; kept and reported',
      },
    },
  },
  'computed-cell-overwritten': {
    severity: 'error',
    description: "A computed cell holds a typed value (or nothing) instead of its formula; the safe fix writes the template's formula back.",
    messages: {
      default: {
        zh: '{address}（{label}）应为公式计算，现为手工输入“{value}”；可恢复模板公式 {fix}',
        en: '{address} ({label}) must be computed by its formula, found the typed value "{value}"; the template formula {fix} can be restored',
      },
      removed: {
        zh: '{address}（{label}）的公式被删除；可恢复模板公式 {fix}',
        en: '{address} ({label}): its formula has been removed; the template formula {fix} can be restored',
      },
    },
  },
  'unknown-org-unit': {
    severity: 'error',
    description: 'A header value does not name a unit of the organisation.',
    messages: {
      default: {
        zh: '{address}（{label}）“{value}”不是本机构的{unitKind}（按名称或代码）',
        en: '{address} ({label}): "{value}" is not {unitKind} of the organisation (by name or code)',
      },
    },
  },
  'org-rules-skipped': {
    severity: 'notice',
    description: 'Rules that need the organisation file were skipped.',
    messages: {
      default: {
        zh: '{address}：未提供机构信息，以下检查已跳过：{skipped}',
        en: '{address}: no organisation given; these checks were skipped: {skipped}',
      },
      'no-sale-days': {
        zh: '{address}：机构信息中没有特卖日，以下检查已跳过：{skipped}',
        en: '{address}: the organisation lists no sale days; these checks were skipped: {skipped}',
      },
    },
  },
  'template-identity-missing': {
    severity: 'error',
    description: 'The workbook carries no template identity; the sheet was matched by its name.',
    messages: {
      default: {
        zh: '{address}：工作簿缺少模板标识，按工作表名称识别为模板 {template}，请使用总行下发的模板',
        en: '{address}: the workbook carries no template identity; recognised as template {template} by its sheet name; use the template issued by head office',
      },
    },
  },
  'template-version-outdated': {
    severity: 'error',
    description: 'The sheet was issued from an older version than the current one.',
    messages: {
      default: {
        zh: '{address}：模板 {template} 版本 {version} 已过期，当前版本为 {currentVersion}',
        en: '{address}: template {template} version {version} is outdated; the current version is {currentVersion}',
      },
    },
  },
  'template-sheet-renamed': {
    severity: 'error',
    description: 'The template sheet was found by its identity and layout under another name than the template gives it.',
    messages: {
      default: {
        zh: '{address}：工作表名称“{value}”与模板不符，应为“{expected}”（已按模板标识识别为 {template}），请勿重命名模板工作表',
        en: '{address}: the sheet is named "{value}" instead of "{expected}" (recognised as template {template} by its identity); do not rename the template sheet',
      },
    },
  },
  'duplicate-customer': {
    severity: 'warning',
    description: 'The same customer was invited by more than one outlet.',
    messages: {
      default: {
        zh: '{address}：客户（{value}）已由{other}邀约',
        en: '{address}: the customer ({value}) was also invited by {other}',
      },
    },
  },
  'late-submission': {
    severity: 'warning',
    description: 'The submission arrived after the daily deadline.',
    messages: {
      default: {
        zh: '{address}：报送时间 {receivedAt} 晚于截止时间 {deadline}',
        en: '{address}: submitted at {receivedAt}, after the deadline {deadline}',
      },
    },
  },
  'report-date-error': {
    severity: 'error',
    description: 'The day (or month) a sheet reports is after the day of checking, or outside the campaign.',
    messages: {
      default: {
        zh: '{address}（{label}）{value} 晚于检查日 {asOf}，不能提前报送',
        en: '{address} ({label}): {value} is after the day of checking {asOf}; a report cannot be dated ahead',
      },
      month: {
        zh: '{address}（{label}）{value} 开始于检查日 {asOf} 之后，不能提前报送',
        en: '{address} ({label}): {value} begins after the day of checking {asOf}; a report cannot be dated ahead',
      },
      'outside-campaign': {
        zh: '{address}（{label}）{value} 不在活动期 {from} 至 {to}（首日至最后一个特卖日）之内',
        en: '{address} ({label}): {value} is outside the campaign, {from} to {to} (its first day to its last sale day)',
      },
    },
  },
  'text-too-long': {
    severity: 'error',
    description: "A cell holds more text than any cell may (the sheet's maxTextLength, or its column's maxLength when larger); the sheet is refused as a whole.",
    messages: {
      default: {
        zh: '{address}（{label}）有 {length} 个字符，超过每格上限 {maxLength} 个字符，整表未接收，请缩短后再报送',
        en: '{address} ({label}): {length} characters, above the cap of {maxLength} characters per cell; the sheet was refused, shorten the text and submit again',
      },
    },
  },
  'too-many-rows': {
    severity: 'error',
    description: 'A sheet has more filled data rows (or a file more rows) than the cap; it is refused as a whole.',
    messages: {
      default: {
        zh: '{address}：已填写 {count} 行数据，超过每表上限 {maxRows} 行，整表未接收，请拆分后分别报送',
        en: '{address}: {count} filled data rows, above the cap of {maxRows} rows per sheet; the sheet was refused, split it and submit the parts',
      },
      file: {
        zh: '{address}：工作表有 {count} 行以上内容，超过上限 {maxRows} 行（表头与 {dataRows} 行数据），文件未读取',
        en: '{address}: the worksheet has more than {count} rows with content, above the cap of {maxRows} (header rows and {dataRows} data rows); the file was not read',
      },
      cells: {
        zh: '{address}：工作簿有 {count} 个以上单元格，超过上限 {maxCells} 个，文件未读取',
        en: '{address}: the workbook has more than {count} cells, above the cap of {maxCells}; the file was not read',
      },
    },
  },
  'row-too-large': {
    severity: 'error',
    description: 'The values of one row are larger than a stored row may be.',
    messages: {
      default: {
        zh: '{address}：第 {row} 行的内容共 {bytes} 字节，超过每行上限 {maxRowBytes} 字节，请缩短文字',
        en: '{address}: row {row} holds {bytes} bytes, above the cap of {maxRowBytes} bytes per row; shorten its text',
      },
    },
  },
  'upload-too-large': {
    severity: 'error',
    description: 'The uploaded file, or what it unpacks to, is larger than the cap; it was not read.',
    messages: {
      default: {
        zh: '{address}：上传内容 {size}，超过上限 {cap}，未读取',
        en: '{address}: the upload is {size}, above the cap of {cap}; it was not read',
      },
      unpacked: {
        zh: '{address}：工作簿解压后为 {size}，超过解压上限 {cap}，未读取',
        en: '{address}: the workbook unpacks to {size}, above the unpacked-size cap of {cap}; it was not read',
      },
      entries: {
        zh: '{address}：压缩包含 {size} 个文件，超过上限 {cap} 个，未读取',
        en: '{address}: the archive holds {size} files, above the cap of {cap}; it was not read',
      },
    },
  },
} as const satisfies Record<string, FindingCodeDefinition>;

export type FindingCode = keyof typeof findingCodes;

/**
 * Codes that refuse a sheet or file as a whole for its size (a cap): the server answers 413 with the
 * finding's code and message, the CLI exits 2 with the message on one line.
 */
export const capFindingCodes: ReadonlySet<FindingCode> = new Set<FindingCode>(['too-many-rows', 'upload-too-large', 'text-too-long']);

/** Names of value types in findings ({type} slot). */
export const valueTypeNames = {
  text: { zh: '文本', en: 'text' },
  integer: { zh: '整数', en: 'whole number' },
  number: { zh: '数字', en: 'number' },
  money: { zh: '金额', en: 'amount' },
  date: { zh: '日期', en: 'date' },
  month: { zh: '月份', en: 'month' },
  enum: { zh: '选项', en: 'choice' },
  boolean: { zh: '是/否', en: 'yes/no (是/否)' },
  phone: { zh: '手机号码（11位，以1开头）', en: 'mobile number (11 digits starting with 1)' },
} as const satisfies Record<string, MessageTemplate>;

/** Phrases that fill condition slots ({when}, {then}) and other composed slots. */
export const slotPhrases = {
  equals: { zh: '{column}为“{values}”', en: '{column} is "{values}"' },
  oneOf: { zh: '{column}为{values}之一', en: '{column} is one of {values}' },
  filled: { zh: '{column}已填写', en: '{column} is filled' },
  empty: { zh: '{column}为空', en: '{column} is empty' },
  subBranch: { zh: '支行', en: 'the sub-branch' },
  outlet: { zh: '网点', en: 'an outlet' },
  outletOrWorkplace: { zh: '职场或网点', en: 'a workplace or outlet' },
  orgRefCheck: { zh: '{label}与机构名单核对', en: '{label} against the organisation' },
  saleDaysCheck: { zh: '{label}须为特卖日', en: '{label} must be a sale day' },
  firstSaleDayCheck: { zh: '{label}在首个特卖日前须为空', en: '{label} empty before the first sale day' },
  campaignCheck: { zh: '{label}须在活动期内', en: '{label} inside the campaign' },
  listSeparator: { zh: '、', en: ', ' },
} as const satisfies Record<string, MessageTemplate>;
