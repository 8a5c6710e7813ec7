import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '#infra/function-bundling';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { parseTemplateSpec, TemplateSpecError } from '#shared/spec/parse-template-spec';
import { createTemplateRegistry } from '#shared/spec/template-registry';

describe('builtinTemplates', () => {
  it('ships the three version-1 templates of templates.md', () => {
    expect(builtinTemplates.map((s) => [s.id, s.version, s.sheetName, s.columns.length])).toEqual([
      ['invite-daily', 1, '邀约明细', 20],
      ['activity-tracking', 1, '活动追踪', 21],
      ['sales-evaluation', 1, '销售评估', 11],
    ]);
  });

  it('stores each spec file complete: parseTemplateSpec gives it back unchanged (defaults written out, nothing unknown)', () => {
    // builtinTemplates uses the files without parsing them; this is the check that stands for the parse.
    for (const spec of builtinTemplates) {
      const file = JSON.parse(readFileSync(path.join(REPO_ROOT, 'shared', 'templates', `${spec.id}.v${spec.version}.json`), 'utf8'));
      expect(parseTemplateSpec(file)).toStrictEqual(file);
      expect(file).toEqual(spec);
    }
  });

  it('lays the columns out left to right from column A', () => {
    for (const spec of builtinTemplates) {
      const letters = spec.columns.map((c) => c.col);
      const expected = letters.map((_, i) => String.fromCharCode(65 + i));
      expect(letters).toEqual(expected);
    }
  });
});

describe('parseTemplateSpec', () => {
  it('rejects a rule that names a column the template does not have', () => {
    const raw = JSON.parse(JSON.stringify(builtinTemplates[0]));
    raw.rules.push({ kind: 'only-when', column: 'ZZ', when: { column: 'Q', equals: '是' } });
    expect(() => parseTemplateSpec(raw)).toThrow(TemplateSpecError);
    expect(() => parseTemplateSpec(raw)).toThrow(/unknown column ZZ/);
  });
});

describe('createTemplateRegistry', () => {
  it('takes the highest version as current and finds specs by sheet name', () => {
    const v2 = { ...builtinTemplates[0], version: 2 };
    const registry = createTemplateRegistry([...builtinTemplates, v2]);
    expect(registry.current('invite-daily')?.version).toBe(2);
    expect(registry.find({ id: 'invite-daily', version: 1 })?.version).toBe(1);
    expect(registry.findBySheetName(' 活动追踪 ')?.id).toBe('activity-tracking');
    expect(registry.current('nope')).toBeUndefined();
  });
});
