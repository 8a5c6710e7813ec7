import { isFormulaLikeText } from '#shared/security/is-formula-like-text';
import { neutraliseFormulaText } from '#shared/security/neutralise-formula-text';

describe('isFormulaLikeText', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '＝1+1'])('takes %j for a formula', (value) => {
    // Act
    const formulaLike = isFormulaLikeText(value);

    // Assess
    expect(formulaLike).toBe(true);
  });

  it.each(['张三', '备注 =1', '13800138000', '', "'=1"])('takes %j for plain text', (value) => {
    // Act
    const formulaLike = isFormulaLikeText(value);

    // Assess
    expect(formulaLike).toBe(false);
  });
});

describe('neutraliseFormulaText', () => {
  it('prefixes a formula-like text with a single quote', () => {
    // Act
    const safe = neutraliseFormulaText("=cmd|' /C calc'!A0");

    // Assess
    expect(safe).toBe("'=cmd|' /C calc'!A0");
  });

  it('returns any other text unchanged', () => {
    // Act
    const safe = neutraliseFormulaText('城东支行营业部');

    // Assess
    expect(safe).toBe('城东支行营业部');
  });

  it('gives a text that no longer looks like a formula', () => {
    // Act
    const safe = neutraliseFormulaText('@SUM(1+1)*cmd');

    // Assess
    expect(isFormulaLikeText(safe)).toBe(false);
  });
});
