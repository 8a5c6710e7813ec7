import type { CellValue } from '../grid/types';
import { isSpaceCharacter } from './is-space-character';

/**
 * True for an empty cell: nothing, the empty text, or text of space only (`isSpaceCharacter`,
 * the same space `trimSpaces` removes: a cell is blank exactly when its trimmed text is empty).
 */
export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) {
    if (!isSpaceCharacter(value.charCodeAt(i))) return false;
  }
  return true;
}
