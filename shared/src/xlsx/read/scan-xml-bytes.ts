/**
 * A small XML tokenizer over UTF-8 bytes, for every part the reader reads. saxes, which it replaces,
 * decodes every byte to text and checks every rule of XML: it took 40% of reading a 50,000-row sheet
 * (25 MB of XML) where this takes a few per cent, and for the small parts it added 23 KB and about
 * 3 ms to each function's cold start (bench `--only bundles`). This does not check that the XML is
 * well-formed beyond what the reader needs (a tag open at the end, elements left open, a `<` inside a
 * tag, a tag over 1 MB are refused); it finds start tags (with attributes), end tags and text, skips
 * comments, processing instructions and DOCTYPE, reads CDATA as text, and decodes the five named
 * entities and character references. Text is decoded only where the handlers want it.
 */
import type { XmlAttributes, XmlHandlers, XmlTag } from './parse-xml-part';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOT = 0x22;
const APOS = 0x27;
const EQUALS = 0x3d;
const COLON = 0x3a;
const AMPERSAND = 0x26;
/** Text longer than this without a tag in it is handed over in pieces rather than carried to the next chunk. */
const LONG_TEXT = 64 * 1024;
/**
 * A tag (or comment, CDATA section, processing instruction) still open after this many bytes is
 * refused: what is carried to the next chunk stays small, so a part cannot make the scan quadratic.
 * A cell holds at most 32,767 characters (about 96 KB of UTF-8).
 */
const MAX_OPEN_CONSTRUCT = 1024 * 1024;

const utf8 = new TextDecoder();

/**
 * The first index of `byte` in bytes[from, end), or -1. The first bytes by a plain loop: the distances
 * in a worksheet are a few bytes, where TypedArray.prototype.indexOf's call costs more than the search
 * (the scan took a third less time with it); a longer run (text) by indexOf, which is memchr.
 */
function indexOfByte(bytes: Uint8Array, byte: number, from: number, end: number = bytes.length): number {
  const stop = Math.min(end, from + 32);
  for (let i = from; i < stop; i++) if (bytes[i] === byte) return i;
  if (stop >= end) return -1;
  const found = bytes.indexOf(byte, stop);
  return found >= 0 && found < end ? found : -1;
}

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

/** Where an incomplete construct at `lt` begins, carried to the next chunk; refused when it is already over MAX_OPEN_CONSTRUCT. */
function openUntilNextChunk(length: number, lt: number): number {
  if (length - lt > MAX_OPEN_CONSTRUCT) throw new Error('a tag longer than 1 MB');
  return lt;
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
  private readonly tag = new ScannedTag();

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

  /** Whether the handlers want the text here: as wantsText says, else whenever they take text. */
  private wantsText(): boolean {
    const { handlers } = this;
    return handlers.wantsText ? handlers.wantsText() : handlers.text !== undefined;
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
      const lt = indexOfByte(bytes, LT, at, length);
      if (lt < 0) {
        // Text nobody wants (the blanks between elements, a bomb's megabytes of spaces) is dropped, not carried.
        if (!this.wantsText()) return length;
        if (length - at > LONG_TEXT) {
          // Cut before a UTF-8 continuation byte so no character is split.
          let cut = length;
          while (cut > at && (bytes[cut - 1] & 0xc0) === 0x80) cut--;
          if (cut > at && bytes[cut - 1] >= 0xc0) cut--;
          handlers.text?.(decodeEntities(decodeBytes(bytes, at, cut)));
          return cut;
        }
        return at;
      }
      if (lt > at && this.wantsText()) handlers.text?.(decodeEntities(decodeBytes(bytes, at, lt)));
      if (lt + 1 >= length) return openUntilNextChunk(length, lt);
      const next = bytes[lt + 1];
      if (next === BANG) {
        if (indexOfSequence(bytes.subarray(lt, lt + CDATA_START.length), CDATA_START, 0) === 0) {
          const end = indexOfSequence(bytes, CDATA_END, lt + CDATA_START.length);
          if (end < 0) return openUntilNextChunk(length, lt);
          if (this.wantsText()) handlers.text?.(decodeBytes(bytes, lt + CDATA_START.length, end));
          at = end + 3;
        } else if (bytes[lt + 2] === 0x2d) {
          const end = indexOfSequence(bytes, COMMENT_END, lt + 4);
          if (end < 0) return openUntilNextChunk(length, lt);
          at = end + 3;
        } else {
          const end = bytes.indexOf(GT, lt);
          if (end < 0) return openUntilNextChunk(length, lt);
          at = end + 1;
        }
        continue;
      }
      if (next === QUESTION) {
        const end = indexOfSequence(bytes, PI_END, lt + 2);
        if (end < 0) return openUntilNextChunk(length, lt);
        at = end + 2;
        continue;
      }
      if (next === SLASH) {
        const end = indexOfByte(bytes, GT, lt, length);
        if (end < 0) return openUntilNextChunk(length, lt);
        this.depth--;
        handlers.close?.(localName(bytes, lt + 2, trimEnd(bytes, lt + 2, end)));
        at = end + 1;
        continue;
      }
      const end = this.startTag(bytes, lt);
      if (end < 0) return openUntilNextChunk(length, lt);
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
    const tag = this.tag;
    tag.reset(bytes, localName(bytes, lt + 1, at));
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
      const valueEnd = indexOfByte(bytes, quote, at + 1, length);
      if (valueEnd < 0) return -1;
      tag.addAttribute(nameStart, nameEnd, at + 1, valueEnd);
      at = valueEnd + 1;
    }
    if (bytes[at] === SLASH) {
      tag.isSelfClosing = true;
      at++;
      if (at >= length) return -1;
      if (bytes[at] !== GT) throw new Error('a stray / in a tag');
    }
    const { name, isSelfClosing } = tag;
    this.handlers.open(name, tag);
    if (isSelfClosing) this.handlers.close?.(name);
    else this.depth++;
    return at + 1;
  }
}

/**
 * The start tag being handled, one object for the whole part: its attributes are kept as byte
 * positions and decoded when asked for, so the millions of `<c r="B7" s="3">` in a worksheet cost
 * no object each. Valid only during the `open` call it is passed to.
 */
class ScannedTag implements XmlTag {
  name = '';
  isSelfClosing = false;
  private bytes: Uint8Array = new Uint8Array(0);
  /** Four positions per attribute: name start, name end, value start, value end. */
  private readonly spans: number[] = [];
  private spanCount = 0;

  reset(bytes: Uint8Array, name: string): void {
    this.bytes = bytes;
    this.name = name;
    this.isSelfClosing = false;
    this.spanCount = 0;
  }

  addAttribute(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const at = this.spanCount;
    this.spans[at] = nameStart;
    this.spans[at + 1] = nameEnd;
    this.spans[at + 2] = valueStart;
    this.spans[at + 3] = valueEnd;
    this.spanCount = at + 4;
  }

  attribute(name: string): string | undefined {
    const at = this.spanOf(name);
    return at < 0 ? undefined : attributeValue(this.bytes, this.spans[at + 2], this.spans[at + 3]);
  }

  attributeFrom<T>(name: string, read: (bytes: Uint8Array, start: number, end: number) => T | undefined): T | undefined {
    const at = this.spanOf(name);
    return at < 0 ? undefined : read(this.bytes, this.spans[at + 2], this.spans[at + 3]);
  }

  /** Where the attribute's four positions start in `spans`, or -1. From the last: a name given twice reads as its last value, as in `attributes`. */
  private spanOf(name: string): number {
    const { bytes, spans } = this;
    for (let at = this.spanCount - 4; at >= 0; at -= 4) {
      const start = spans[at];
      if (spans[at + 1] - start !== name.length) continue;
      let i = 0;
      while (i < name.length && bytes[start + i] === name.charCodeAt(i)) i++;
      if (i === name.length) return at;
    }
    return -1;
  }

  get attributes(): XmlAttributes {
    const attributes: XmlAttributes = {};
    const { bytes, spans } = this;
    for (let at = 0; at < this.spanCount; at += 4) attributes[shortText(bytes, spans[at], spans[at + 1])] = attributeValue(bytes, spans[at + 2], spans[at + 3]);
    return attributes;
  }
}

/** One-letter names and values (c, v, r, s="3", t="s") as constants: a worksheet has millions of them. */
const ONE_LETTER = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

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
  return shortText(bytes, start, end);
}

/** An attribute's value: entities decoded only when there is an `&` among its bytes. */
function attributeValue(bytes: Uint8Array, start: number, end: number): string {
  return indexOfByte(bytes, AMPERSAND, start, end) < 0 ? shortText(bytes, start, end) : decodeEntities(decodeBytes(bytes, start, end));
}

/** Text of bytes[start, end), one-letter ASCII (tag names c, v, f; values like s="3" t="s") without building a string. */
function shortText(bytes: Uint8Array, start: number, end: number): string {
  return end - start === 1 && bytes[start] < 0x80 ? ONE_LETTER[bytes[start]] : decodeBytes(bytes, start, end);
}
