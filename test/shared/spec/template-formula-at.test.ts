import { builtinTemplates } from '#shared/spec/builtin-templates';
import { templateFormulaAt } from '#shared/spec/template-formula-at';

const [inviteDaily, activityTracking, salesEvaluation] = builtinTemplates;

describe('templateFormulaAt', () => {
  it("gives a computed header cell's formula over the issued data rows", () => {
    expect(templateFormulaAt(inviteDaily, 3, 'D')).toBe('=COUNTIF(K5:K504,"是")');
    expect(templateFormulaAt(activityTracking, 3, 'H')).toBe('=SUM(P5:P504)');
  });

  it("gives a computed column's formula with the row's number, also below the issued rows", () => {
    expect(templateFormulaAt(activityTracking, 5, 'Q')).toBe('=IF(N5>0,P5/N5,"")');
    expect(templateFormulaAt(salesEvaluation, 612, 'I')).toBe('=IF(COUNT(D612:G612)=0,"",D612+E612+F612+G612)');
  });

  it('gives null where the template has no formula', () => {
    expect(templateFormulaAt(activityTracking, 5, 'P')).toBeNull();
    expect(templateFormulaAt(activityTracking, 4, 'Q')).toBeNull();
    expect(templateFormulaAt(inviteDaily, 2, 'D')).toBeNull();
  });
});
