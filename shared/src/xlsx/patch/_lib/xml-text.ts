/** Small XML helpers for the patch writer, which edits parts as text to leave every other byte as it was. */

/** The value of attribute `name` (`r:id`, `Target`) in a start tag, decoded, or undefined. */
export function attributeOf(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (!match) return undefined;
  return decodeXmlText(match[1] ?? match[2]);
}

/**
 * The element (or start tag) with attribute `name` of its start tag set to `value`: replaced where it
 * stands, else added at the start tag's end. What follows the start tag (children) is kept.
 */
export function withAttribute(element: string, name: string, value: string): string {
  const start = /^<[^>]*?(\/?)>/.exec(element);
  if (!start) return element;
  const tag = start[0];
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const quoted = `"${escapeXmlAttribute(value)}"`;
  const updated = pattern.test(tag) ? tag.replace(pattern, `$1${quoted}`) : tag.replace(/\s*(\/?)>$/, ` ${name}=${quoted}$1>`);
  return updated + element.slice(tag.length);
}

/** The start tag without attribute `name`. */
export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (_all, entity: string) => {
    switch (entity) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'amp':
        return '&';
      default:
        return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

/**
 * Text for an element's content. Characters XML 1.0 cannot hold (control characters) and a literal
 * `_xHHHH_` are written in the spreadsheet escape `_xHHHH_`, as Excel does (ECMA-376 ST_Xstring).
 */
export function escapeXmlText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    // eslint-disable-next-line no-control-regex -- the control characters are what is matched
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
