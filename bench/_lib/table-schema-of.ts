import type { TableSchemaField } from 'tableschema';
import type { TemplateSpec } from '#shared/spec/schema';

/**
 * The Frictionless Table Schema closest to a template's columns: types, required, enum lists (是/否
 * included), bounds, maximum length and the mobile-number pattern. Cross-column rules, normalising
 * (30万, Y, 2026年12月8日) and the header block have no Table Schema equivalent and are left out, so
 * tableschema does less work per row than our validator.
 */
export function tableSchemaOf(spec: TemplateSpec): TableSchemaField[] {
  return spec.columns.map((column) => {
    const constraints: Record<string, unknown> = {};
    if (column.required && !column.sequence) constraints.required = true;
    if (column.min !== undefined) constraints.minimum = column.min;
    if (column.max !== undefined) constraints.maximum = column.max;
    if (column.maxLength !== undefined) constraints.maxLength = column.maxLength;
    let type = 'string';
    switch (column.type) {
      case 'integer':
        type = 'integer';
        break;
      case 'number':
      case 'money':
        type = 'number';
        break;
      case 'date':
        type = 'date';
        break;
      case 'enum':
        constraints.enum = column.enum;
        break;
      case 'boolean':
        constraints.enum = ['是', '否'];
        break;
      case 'phone':
        constraints.pattern = '1[0-9]{10}';
        break;
      default:
        break;
    }
    return { name: column.label, type, constraints };
  });
}
