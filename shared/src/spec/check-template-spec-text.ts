/**
 * Checks the text of a template spec file (publishing a version in the pane) and lists what is wrong
 * in Chinese and English, each problem at its JSON path (`columns[3].type`). Pure: one rule for every face.
 */
import type * as z from '../zod';
import { templateSpecSchema, type TemplateSpec } from './schema';

/** One problem of a spec file, at its JSON path (`(根)`/`(root)` for the whole file). */
export interface SpecIssue {
  path: string;
  message_zh: string;
  message_en: string;
}

export type CheckTemplateSpecTextResult = { ok: true; spec: TemplateSpec; raw: unknown } | { ok: false; issues: SpecIssue[] };

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '数组',
  object: '对象',
  undefined: '空缺',
  null: 'null',
};

/** Chinese for the patterns' own messages in schema.ts. */
const FORMAT_ZH: Record<string, string> = {
  'cell reference like B2': '应为单元格地址，如 B2',
  'column letters like K': '应为列字母，如 K',
  'YYYY-MM-DD': '应为 YYYY-MM-DD 格式的日期',
};

/** `columns[3].type` from ['columns', 3, 'type']. */
function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join('、');
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): Omit<SpecIssue, 'path'> {
  switch (issue.code) {
    case 'invalid_type': {
      const actual = typeOf(valueAt(raw, issue.path));
      if (actual === 'undefined') return { message_zh: `缺少此项（应为${TYPE_ZH[issue.expected] ?? issue.expected}）`, message_en: `missing (expected ${issue.expected})` };
      return { message_zh: `应为${TYPE_ZH[issue.expected] ?? issue.expected}，实际为${TYPE_ZH[actual] ?? actual}`, message_en: `expected ${issue.expected}, got ${actual}` };
    }
    case 'invalid_value':
      return { message_zh: `应为以下之一：${quoteList(issue.values)}`, message_en: `expected one of ${quoteList(issue.values)}` };
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
      if (options.length > 0) return { message_zh: `应为以下之一：${quoteList(options)}`, message_en: `expected one of ${quoteList(options)}` };
      return { message_zh: '不符合任何一种允许的写法', message_en: 'matches none of the allowed shapes' };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return { message_zh: min === '1' ? '不能为空' : `长度应至少为 ${min} 个字符`, message_en: issue.message };
      if (issue.origin === 'array') return { message_zh: `应至少有 ${min} 项`, message_en: issue.message };
      return { message_zh: `应${issue.inclusive === false ? '大于' : '不小于'} ${min}`, message_en: issue.message };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return { message_zh: `长度应至多为 ${max} 个字符`, message_en: issue.message };
      if (issue.origin === 'array') return { message_zh: `应至多有 ${max} 项`, message_en: issue.message };
      return { message_zh: `应${issue.inclusive === false ? '小于' : '不大于'} ${max}`, message_en: issue.message };
    }
    case 'invalid_format':
      return { message_zh: FORMAT_ZH[issue.message] ?? `格式不正确（应符合 ${issue.pattern ?? issue.format}）`, message_en: issue.message };
    case 'unrecognized_keys':
      return { message_zh: `未知的项：${issue.keys.join('、')}`, message_en: `unknown keys: ${issue.keys.join(', ')}` };
    case 'custom': {
      const zh = issue.params && typeof issue.params.zh === 'string' ? issue.params.zh : issue.message;
      return { message_zh: zh, message_en: issue.message };
    }
    default:
      return { message_zh: `不符合模板定义格式（${issue.message}）`, message_en: issue.message };
  }
}

/** Parses the text as JSON, checks it against the spec format, and gives the spec or every problem found. */
export function checkTemplateSpecText(text: string): CheckTemplateSpecTextResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '(根)', message_zh: `不是有效的 JSON：${detail}`, message_en: `not valid JSON: ${detail}` }] };
  }
  const result = templateSpecSchema().safeParse(raw);
  if (result.success) return { ok: true, spec: result.data, raw };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatJsonPath(issue.path) || '(根)', ...describeIssue(issue, raw) })),
  };
}
