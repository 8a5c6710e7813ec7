/**
 * Streams one part of the package through the inflater (inflate-entry.ts: Node's zlib or fflate, the
 * unpacked-bytes cap checked per chunk) and an XML tokenizer (saxes for the small parts, the byte
 * scanner for worksheets and shared strings): the text is decoded as it comes and nothing inflated is
 * kept beyond what the handlers keep.
 */
import { SaxesParser } from 'saxes';
import { WorkbookReadError } from '../workbook-read-error';
import type { ReadBudget } from './read-budget';
import { XmlByteScanner } from './scan-xml-bytes';
import { inflateEntry } from './inflate-entry';
import type { ZipEntry } from './zip-directory';

export type XmlAttributes = Record<string, string>;

const utf8 = new TextEncoder();

export interface XmlTag {
  name: string;
  /** All attributes by qualified name; the byte scanner builds this object when it is read. */
  readonly attributes: XmlAttributes;
  /** One attribute's value by qualified name (the last, when it is given twice), without building `attributes`. */
  attribute(name: string): string | undefined;
  /**
   * One attribute's value read by `read` straight from its UTF-8 bytes, entities not decoded, without
   * a string: for the millions of cell references and style numbers of a worksheet. Undefined when the
   * attribute is absent or `read` gives undefined (a value it does not take; read it with `attribute`).
   */
  attributeFrom<T>(name: string, read: (bytes: Uint8Array, start: number, end: number) => T | undefined): T | undefined;
  isSelfClosing: boolean;
}

export interface XmlHandlers {
  /** A start tag, by its local name (prefix dropped: `x:c` is `c`); a self-closing one is followed by its close. */
  open(name: string, tag: XmlTag): void;
  text?(text: string): void;
  close?(name: string): void;
  /** Whether the text at this point is wanted (the byte scanner decodes only then); all text when absent. */
  wantsText?(): boolean;
}

export interface ParseXmlPartOptions {
  /** Tokenize with the byte scanner (scan-xml-bytes.ts) instead of saxes: for worksheets, the large parts. */
  byteScanner?: boolean;
}

/** The local part of a qualified XML name. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Inflates and tokenizes one XML part; malformed XML or deflate data is WorkbookReadError('corrupt'). */
export async function parseXmlPart(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget, handlers: XmlHandlers, options: ParseXmlPartOptions = {}): Promise<void> {
  try {
    if (options.byteScanner) {
      const scanner = new XmlByteScanner(handlers);
      await inflateEntry(bytes, entry, budget, (chunk) => scanner.write(chunk));
      scanner.close();
      return;
    }
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    parser.on('opentag', (tag) =>
      handlers.open(localName(tag.name), {
        name: tag.name,
        attributes: tag.attributes,
        attribute: (name) => tag.attributes[name],
        attributeFrom: (name, read) => {
          const value = tag.attributes[name];
          if (value === undefined) return undefined;
          const bytes = utf8.encode(value);
          return read(bytes, 0, bytes.length);
        },
        isSelfClosing: tag.isSelfClosing,
      }),
    );
    const { text, close } = handlers;
    if (text) parser.on('text', text);
    if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
    const decoder = new TextDecoder();
    await inflateEntry(bytes, entry, budget, (chunk) => {
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('corrupt', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
