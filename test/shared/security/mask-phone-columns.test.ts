import { builtinTemplates } from '#shared/spec/builtin-templates';
import { maskPhoneColumns } from '#shared/security/mask-phone-columns';
import type { TypedRow } from '#shared/validation/types';

const inviteDaily = builtinTemplates[0];

describe('maskPhoneColumns', () => {
  it("masks the values of the spec's phone columns and leaves the others", () => {
    // Prepare
    const rows: TypedRow[] = [{ rowNumber: 5, values: { B: '张三', C: '13800138000', K: '是' } }];

    // Act
    const masked = maskPhoneColumns(inviteDaily, rows);

    // Assess
    expect(masked).toEqual([{ rowNumber: 5, values: { B: '张三', C: '138****8000', K: '是' } }]);
  });

  it('leaves the rows it was given unchanged', () => {
    // Prepare
    const rows: TypedRow[] = [{ rowNumber: 5, values: { C: '13800138000' } }];

    // Act
    maskPhoneColumns(inviteDaily, rows);

    // Assess
    expect(rows[0].values.C).toBe('13800138000');
  });

  it('keeps an empty phone empty', () => {
    // Prepare
    const rows: TypedRow[] = [{ rowNumber: 6, values: { B: '李四', C: null } }];

    // Act
    const masked = maskPhoneColumns(inviteDaily, rows);

    // Assess
    expect(masked[0].values.C).toBeNull();
  });
});
