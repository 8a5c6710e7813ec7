import fc from 'fast-check';
import { toHalfWidth } from '#shared/normalise/to-half-width';
import { trimSpaces } from '#shared/normalise/trim-spaces';
import { toFullWidth } from './to-full-width';

describe('toHalfWidth', () => {
  it('turns full-width digits, letters and punctuation into half-width', () => {
    expect(toHalfWidth('１２３ＡＢｃ（），')).toBe('123ABc(),');
  });

  it('turns the ideographic and non-breaking spaces into plain spaces', () => {
    expect(toHalfWidth('a\u3000b\u00a0c')).toBe('a b c');
  });

  it('leaves Chinese text alone', () => {
    expect(toHalfWidth('高端客户、是。')).toBe('高端客户、是。');
  });

  it('inverts the full-width form of any printable ASCII text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (text) => {
      expect(toHalfWidth(toFullWidth(text))).toBe(text);
    }));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(toHalfWidth(toHalfWidth(text))).toBe(toHalfWidth(text));
    }));
  });
});

describe('trimSpaces', () => {
  it('drops plain, ideographic, non-breaking and zero-width spaces at both ends', () => {
    expect(trimSpaces('\u3000\u00a0 张三\u200b ')).toBe('张三');
  });

  it('keeps spaces inside the text', () => {
    expect(trimSpaces(' a b ')).toBe('a b');
  });
});
