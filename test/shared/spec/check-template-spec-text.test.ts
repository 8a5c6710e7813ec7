import { checkTemplateSpecText } from '#shared/spec/check-template-spec-text';
import inviteDaily from '#templates/invite-daily.v1.json';

function specWith(change: (spec: Record<string, unknown> & typeof inviteDaily) => void): string {
  const spec = JSON.parse(JSON.stringify(inviteDaily));
  change(spec);
  return JSON.stringify(spec);
}

function pathsAndTexts(text: string): [string, string][] {
  const result = checkTemplateSpecText(text);
  return result.ok ? [] : result.issues.map((i) => [i.path, i.message_zh]);
}

describe('checkTemplateSpecText', () => {
  it('gives the spec with defaults applied for a valid file', () => {
    // Act
    const result = checkTemplateSpecText(specWith((s) => (s.version = 2)));
    // Assess
    expect(result.ok && [result.spec.id, result.spec.version, result.spec.dueOn]).toEqual(['invite-daily', 2, 'campaign-days']);
  });

  it('lists each problem in Chinese at its JSON path', () => {
    // Act
    const issues = pathsAndTexts(
      specWith((s) => {
        (s.columns[3] as { type: string }).type = 'txt';
        s.columns[2].col = 'k';
        s.title = '';
        delete (s as Partial<typeof s>).sheetName;
        (s.rules[0] as { kind: string }).kind = 'nope';
      }),
    );
    // Assess
    expect(issues).toEqual([
      ['title', '不能为空'],
      ['sheetName', '缺少此项（应为文本）'],
      ['columns[2].col', '应为列字母，如 K'],
      ['columns[3].type', '应为以下之一："text"、"integer"、"number"、"money"、"date"、"month"、"enum"、"boolean"、"phone"'],
      ['rules[0].kind', '应为以下之一："required-when"、"requires"、"only-when"、"below-when"、"flag-value"、"not-above"、"in-sale-days"、"empty-before-first-sale-day"、"in-header-month"'],
    ]);
  });

  it('places the cross-field problems at their paths too', () => {
    // Act
    const issues = pathsAndTexts(
      specWith((s) => {
        s.columns[1].key = s.columns[0].key;
        s.summary.rankBy = '不存在';
      }),
    );
    // Assess
    expect(issues).toEqual([
      ['columns[1].key', `列的 key “${inviteDaily.columns[0].key}” 重复`],
      ['summary.rankBy', '汇总按未定义的标签“不存在”排名'],
    ]);
  });

  describe('edge cases', () => {
    it('reports text that is not JSON at the root', () => {
      expect(pathsAndTexts('{"id": ')[0]).toEqual(['(根)', expect.stringMatching(/^不是有效的 JSON：/)]);
    });

    it('reports a wrong type with what was found', () => {
      expect(pathsAndTexts(specWith((s) => ((s as Record<string, unknown>).version = 'x')))).toEqual([['version', '应为数字，实际为文本']]);
    });
  });
});
