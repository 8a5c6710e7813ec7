/**
 * An entry of the zip, inflated as it streams: each chunk is counted against the budget before it is
 * handed on, so a zip bomb costs the unpacked-bytes cap plus one chunk and no more. Two inflaters, one
 * behaviour (same bytes, same caps, same errors; test/shared/xlsx/inflate-entry.test.ts):
 * - where Node is (the CLI, the functions): Node's own zlib, reached through `process.getBuiltinModule`
 *   so that shared/ imports nothing of Node and bundles for the browser as it is. It inflates natively,
 *   on libuv's thread pool while this thread tokenizes the chunk before: a 50,000-row sheet (25 MB of
 *   XML) is inflated and scanned in about 170 ms against 265 ms with fflate (bench `--only xlsx-read`).
 * - elsewhere (the task pane, the web page): fflate, 16 KB of compressed input a step (deflate expands at
 *   most 1032:1, so one step inflates at most about 16 MB before the cap is checked).
 */
import { Inflate } from 'fflate';
import { WorkbookReadError } from '../workbook-read-error';
import type { ReadBudget } from './read-budget';
import { entryData, type ZipEntry } from './zip-directory';

/** Inflates raw deflate data, handing each chunk on as it comes; a throw from `onChunk` stops it. */
export type RawInflater = (compressed: Uint8Array, onChunk: (chunk: Uint8Array) => void) => Promise<void>;

const COMPRESSED_STEP = 16 * 1024;
/** Output chunk of Node's zlib: 256 KB took the scan of a 25 MB sheet from 240 ms (16 KB) to 165 ms. */
const NODE_CHUNK = 256 * 1024;

/** fflate, in steps of COMPRESSED_STEP compressed bytes. */
export const fflateInflater: RawInflater = async (compressed, onChunk) => {
  const inflater = new Inflate((chunk) => {
    if (chunk.length > 0) onChunk(chunk);
  });
  if (compressed.length === 0) inflater.push(compressed, true);
  for (let at = 0; at < compressed.length; at += COMPRESSED_STEP) {
    inflater.push(compressed.subarray(at, at + COMPRESSED_STEP), at + COMPRESSED_STEP >= compressed.length);
  }
};

/** The part of node:zlib used here, typed without Node's types (shared/ does not depend on Node). */
interface NodeInflateStream extends AsyncIterable<Uint8Array> {
  end(chunk: Uint8Array): void;
  destroy(): void;
}
interface NodeZlib {
  createInflateRaw(options: { chunkSize: number }): NodeInflateStream;
}

/** Node's zlib as a RawInflater, or undefined outside Node (or in a Node without process.getBuiltinModule, before 20.16). */
export function nodeZlibInflater(): RawInflater | undefined {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = host?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined;
  if (!zlib) return undefined;
  return async (compressed, onChunk) => {
    const stream = zlib.createInflateRaw({ chunkSize: NODE_CHUNK });
    stream.end(compressed);
    try {
      // Leaving the loop (a throw from onChunk included) destroys the stream: nothing more is inflated.
      for await (const chunk of stream) onChunk(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    } finally {
      stream.destroy();
    }
  };
}

const defaultInflater: RawInflater = nodeZlibInflater() ?? fflateInflater;

/** Feeds an entry's inflated bytes to `onChunk` as they come, counting them against the budget first. */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ReadBudget,
  onChunk: (chunk: Uint8Array) => void,
  inflater: RawInflater = defaultInflater,
): Promise<void> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += COMPRESSED_STEP) {
      const chunk = data.subarray(at, at + COMPRESSED_STEP);
      budget.spendUnpacked(chunk.length);
      onChunk(chunk);
    }
    return;
  }
  if (entry.method !== 8) throw new WorkbookReadError('corrupt', `${entry.name}: compression method ${entry.method}`);
  try {
    await inflater(data, (chunk) => {
      budget.spendUnpacked(chunk.length);
      onChunk(chunk);
    });
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('corrupt', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
