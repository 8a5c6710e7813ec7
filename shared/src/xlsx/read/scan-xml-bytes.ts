/**
 * A small XML tokenizer over UTF-8 bytes, for worksheet parts only: saxes, which reads the other
 * parts, decodes every byte to text and checks every rule of XML, and took 40% of reading a
 * 50,000-row sheet (25 MB of XML) where this takes a few per cent. It does not check that the XML is
 * well-formed; it finds start tags (with attributes), end tags and text, skips comments, processing
 * instructions and DOCTYPE, reads CDATA as text, and decodes the five named entities and character
 * references. Text is decoded only where the handlers want it.
 */
import type { XmlAttributes, XmlHandlers } from './parse-xml-part';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const AMP = 0x26;
const QUOT = 0x22;
const APOS = 0x27;
const EQUALS = 0x3d;
const COLON = 0x3a;
/** Text longer than this without a tag in it is handed over in pieces rather than carried to the next chunk. */
const LONG_TEXT = 64 * 1024;

const utf8 = new TextDecoder();

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Bytes to text: short ASCII runs without the decoder's call cost, the rest through TextDecoder. */
function decodeBytes(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 32) {
    let text = '';
    for (let i = start; i < end; i++) {
      const code = bytes[i];
      if (code >= 0x80) return utf8.decode(bytes.subarray(start, end));
      text += String.fromCharCode(code);
    }
    return text;
  }
  return utf8.decode(bytes.subarray(start, end));
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, name: string) => {
    if (name.charCodeAt(0) === 0x23) {
      const code = name.charCodeAt(1) === 0x78 ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[name] ?? all;
  });
}

function indexOfSequence(bytes: Uint8Array, sequence: readonly number[], from: number): number {
  for (let at = bytes.indexOf(sequence[0], from); at >= 0; at = bytes.indexOf(sequence[0], at + 1)) {
    let j = 1;
    while (j < sequence.length && bytes[at + j] === sequence[j]) j++;
    if (j === sequence.length) return at;
  }
  return -1;
}

const COMMENT_END = [0x2d, 0x2d, GT];
const PI_END = [QUESTION, GT];
const CDATA_START = [LT, BANG, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b];
const CDATA_END = [0x5d, 0x5d, GT];

export class XmlByteScanner {
  private pending: Uint8Array = new Uint8Array(0);
  /** Elements open at this point: a part that ends with one open was cut off. */
  private depth = 0;

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
    }
    const stop = this.scan(bytes);
    this.pending = stop < bytes.length ? bytes.slice(stop) : new Uint8Array(0);
  }

  close(): void {
    if (this.pending.length > 0 && this.pending.some((b) => !isSpace(b))) throw new Error('the XML ends inside a tag');
    if (this.depth !== 0) throw new Error('the XML ends before its elements do');
  }

  /** Handles every complete piece of `bytes`; returns where the incomplete rest begins. */
  private scan(bytes: Uint8Array): number {
    const { handlers } = this;
    let at = 0;
    const length = bytes.length;
    while (at < length) {
      const lt = bytes.indexOf(LT, at);
      if (lt < 0) {
        if (length - at > LONG_TEXT && handlers.wantsText?.()) {
          // Cut before a UTF-8 continuation byte so no character is split.
          let cut = length;
          while (cut > at && (bytes[cut - 1] & 0xc0) === 0x80) cut--;
          if (cut > at && bytes[cut - 1] >= 0xc0) cut--;
          handlers.text?.(decodeEntities(decodeBytes(bytes, at, cut)));
          return cut;
        }
        return at;
      }
      if (lt > at && handlers.wantsText?.()) handlers.text?.(decodeEntities(decodeBytes(bytes, at, lt)));
      if (lt + 1 >= length) return lt;
      const next = bytes[lt + 1];
      if (next === BANG) {
        if (indexOfSequence(bytes.subarray(lt, lt + CDATA_START.length), CDATA_START, 0) === 0) {
          const end = indexOfSequence(bytes, CDATA_END, lt + CDATA_START.length);
          if (end < 0) return lt;
          if (handlers.wantsText?.()) handlers.text?.(decodeBytes(bytes, lt + CDATA_START.length, end));
          at = end + 3;
        } else if (bytes[lt + 2] === 0x2d) {
          const end = indexOfSequence(bytes, COMMENT_END, lt + 4);
          if (end < 0) return lt;
          at = end + 3;
        } else {
          const end = bytes.indexOf(GT, lt);
          if (end < 0) return lt;
          at = end + 1;
        }
        continue;
      }
      if (next === QUESTION) {
        const end = indexOfSequence(bytes, PI_END, lt + 2);
        if (end < 0) return lt;
        at = end + 2;
        continue;
      }
      if (next === SLASH) {
        const end = bytes.indexOf(GT, lt);
        if (end < 0) return lt;
        this.depth--;
        handlers.close?.(localName(bytes, lt + 2, trimEnd(bytes, lt + 2, end)));
        at = end + 1;
        continue;
      }
      const end = this.startTag(bytes, lt);
      if (end < 0) return lt;
      at = end;
    }
    return at;
  }

  /** Reads a start tag at `lt`; returns the index after its `>`, or -1 when it is not complete yet. */
  private startTag(bytes: Uint8Array, lt: number): number {
    const length = bytes.length;
    let at = lt + 1;
    while (at < length && !isSpace(bytes[at]) && bytes[at] !== GT && bytes[at] !== SLASH) at++;
    if (at >= length) return -1;
    const name = localName(bytes, lt + 1, at);
    const attributes: XmlAttributes = {};
    for (;;) {
      while (at < length && isSpace(bytes[at])) at++;
      if (at >= length) return -1;
      const code = bytes[at];
      if (code === GT || code === SLASH) break;
      if (code === LT) throw new Error('a < inside a tag');
      const nameStart = at;
      while (at < length && bytes[at] !== EQUALS && !isSpace(bytes[at]) && bytes[at] !== GT) at++;
      const nameEnd = at;
      while (at < length && isSpace(bytes[at])) at++;
      if (at >= length) return -1;
      if (bytes[at] !== EQUALS) continue;
      at++;
      while (at < length && isSpace(bytes[at])) at++;
      if (at >= length) return -1;
      const quote = bytes[at];
      if (quote !== QUOT && quote !== APOS) throw new Error('an attribute value without quotes');
      const valueEnd = bytes.indexOf(quote, at + 1);
      if (valueEnd < 0) return -1;
      attributes[decodeBytes(bytes, nameStart, nameEnd)] = decodeEntities(decodeBytes(bytes, at + 1, valueEnd));
      at = valueEnd + 1;
    }
    let isSelfClosing = false;
    if (bytes[at] === SLASH) {
      isSelfClosing = true;
      at++;
      if (at >= length) return -1;
      if (bytes[at] !== GT) throw new Error('a stray / in a tag');
    }
    this.handlers.open(name, { name, attributes, isSelfClosing });
    if (isSelfClosing) this.handlers.close?.(name);
    else this.depth++;
    return at + 1;
  }
}

function trimEnd(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && isSpace(bytes[end - 1])) end--;
  return end;
}

/** The local part of the tag name in bytes[start, end): `x:c` is `c`. */
function localName(bytes: Uint8Array, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) {
    if (bytes[i] === COLON) {
      start = i + 1;
      break;
    }
  }
  return decodeBytes(bytes, start, end);
}
