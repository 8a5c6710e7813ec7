import type { Finding } from '#shared/findings/types';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { planFixWrite } from '#shared/validation/plan-fix-write';

const inviteDaily = builtinTemplates.find((spec) => spec.id === 'invite-daily')!;

function fixAt(cell: string, value: string | number | null, fix: string | number | null, code = 'type-error'): Finding {
  const [, column, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { code, severity: 'warning', address: `邀约明细!${cell}`, row: Number(row), column, value, message_zh: '', message_en: '', fix };
}

describe('planFixWrite', () => {
  it('writes a fixed 填报日期 in F2 as a date serial with a date format, not as text (column F below is money)', () => {
    expect(planFixWrite(inviteDaily, fixAt('F2', '2026年12月1日', '2026-12-01'))).toEqual({
      sheetName: '邀约明细', cell: 'F2', row: 2, column: 'F', kind: 'date', serial: 46357, numberFormat: 'yyyy-mm-dd',
    });
  });

  it('writes each kind of fix of a data row as the column asks', () => {
    const plans = [
      fixAt('M5', '2026年12月8日', '2026-12-08'),
      fixAt('O5', '30万', 300000),
      fixAt('K5', 'Y', '是'),
      fixAt('C5', '+86 138-0013-8000', '13800138000'),
    ].map((finding) => planFixWrite(inviteDaily, finding));
    expect(plans.map((plan) => [plan?.cell, plan?.kind, plan && 'serial' in plan ? plan.serial : plan && 'value' in plan ? plan.value : null])).toEqual([
      ['M5', 'date', 46364],
      ['O5', 'number', 300000],
      ['K5', 'text', '是'],
      ['C5', 'text', '13800138000'],
    ]);
  });

  it("writes the template's formula of a typed-over total as a formula, without its '='", () => {
    expect(planFixWrite(inviteDaily, fixAt('D3', 7, '=COUNTIF(K5:K504,"是")', 'computed-cell-overwritten'))).toMatchObject({ kind: 'formula', formula: 'COUNTIF(K5:K504,"是")' });
  });

  describe('edge cases', () => {
    it('keeps a text fix that starts with = as text: only the code of the finding makes a formula', () => {
      expect(planFixWrite(inviteDaily, fixAt('N5', '=1+1', '=1+1'))).toMatchObject({ kind: 'text', value: '=1+1', numberFormat: '@' });
    });

    it('writes a date fix that is no calendar day as text, and plans nothing for a finding without fix or cell', () => {
      expect(planFixWrite(inviteDaily, fixAt('M5', 'x', '2026-02-30'))).toMatchObject({ kind: 'text', value: '2026-02-30' });
      expect(planFixWrite(inviteDaily, fixAt('M5', 'x', null))).toBeNull();
      expect(planFixWrite(inviteDaily, { ...fixAt('M5', 'x', '是'), row: undefined, column: undefined, address: '邀约明细' })).toBeNull();
    });
  });
});
