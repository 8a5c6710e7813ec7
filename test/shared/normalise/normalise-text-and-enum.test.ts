import fc from 'fast-check';
import { createEnumChoices } from '#shared/normalise/create-enum-choices';
import { normaliseEnumValue } from '#shared/normalise/normalise-enum-value';
import { normaliseText } from '#shared/normalise/normalise-text';

describe('normaliseText', () => {
  it('passes text without stray spaces unchanged', () => {
    expect(normaliseText('张三')).toEqual({ ok: true, value: '张三', changed: false });
  });

  it('drops stray and non-breaking spaces at the ends, with a change', () => {
    expect(normaliseText('\u00a0张三\u3000')).toEqual({ ok: true, value: '张三', changed: true });
  });

  it('takes a number typed into a text cell as its text, unchanged', () => {
    expect(normaliseText(12)).toEqual({ ok: true, value: '12', changed: false });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normaliseText(text);
        if (once.ok) expect(normaliseText(once.value)).toEqual({ ok: true, value: once.value, changed: false });
      }),
    );
  });
});

describe('normaliseEnumValue', () => {
  const choices = createEnumChoices(['普通客户', '高端客户', 'VIP客户']);

  it('passes an allowed value unchanged', () => {
    expect(normaliseEnumValue('高端客户', choices)).toEqual({ ok: true, value: '高端客户', changed: false });
  });

  it.each([' 高端客户 ', '高端 客户', 'ＶＩＰ客户', '高端客户\u3000'])('fixes %p, which differs only by spaces or full-width', (typed) => {
    expect(normaliseEnumValue(typed, choices)).toMatchObject({ ok: true, changed: true });
  });

  it('refuses a value outside the list', () => {
    expect(normaliseEnumValue('中端客户', choices)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
