/**
 * Streams one part of the package through the inflater (inflate-entry.ts: Node's zlib or fflate, the
 * unpacked-bytes cap checked per chunk) and the byte scanner (scan-xml-bytes.ts): the text is decoded
 * as it comes, only where the handlers want it, and nothing inflated is kept beyond what they keep.
 */
import { WorkbookReadError } from '../workbook-read-error';
import type { ReadBudget } from './read-budget';
import { XmlByteScanner } from './scan-xml-bytes';
import { inflateEntry } from './inflate-entry';
import type { ZipEntry } from './zip-directory';

export type XmlAttributes = Record<string, string>;

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
  /** A start tag, by its local name (prefix dropped: `x:c` is `c`); a self-closing one is followed by its close. The tag is valid only during the call. */
  open(name: string, tag: XmlTag): void;
  text?(text: string): void;
  close?(name: string): void;
  /** Whether the text at this point is wanted (it is decoded only then); when absent, all text is, if there is a `text` handler. */
  wantsText?(): boolean;
}

/** Inflates and tokenizes one XML part; malformed XML or deflate data is WorkbookReadError('corrupt'). */
export async function parseXmlPart(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget, handlers: XmlHandlers): Promise<void> {
  try {
    const scanner = new XmlByteScanner(handlers);
    await inflateEntry(bytes, entry, budget, (chunk) => scanner.write(chunk));
    scanner.close();
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('corrupt', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
