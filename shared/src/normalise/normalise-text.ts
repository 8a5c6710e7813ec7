import { trimSpaces } from './trim-spaces';
import type { Normalised, RawCellValue } from './types';

/**
 * Normalises free text: stray spaces at either end (plain, ideographic, non-breaking,
 * zero-width) are dropped and non-breaking spaces inside become plain spaces. Numbers and
 * booleans typed into a text cell are taken as their text, unchanged. Full-width characters
 * inside text are kept: in names and remarks they are the writer's choice.
 * An empty cell is unreadable as text.
 */
export function normaliseText(value: RawCellValue): Normalised<string> {
  if (value === null || value === undefined) return { ok: false, reason: 'unreadable' };
  if (typeof value === 'number') return { ok: true, value: String(value), changed: false };
  if (typeof value === 'boolean') return { ok: true, value: value ? 'TRUE' : 'FALSE', changed: false };
  const trimmed = trimSpaces(value);
  if (trimmed === '') return { ok: false, reason: 'unreadable' };
  const canonical = trimmed.replace(/[\u00a0\u202f\u2007]/g, ' ');
  return { ok: true, value: canonical, changed: canonical !== value };
}
