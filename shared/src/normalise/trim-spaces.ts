import { isSpaceCharacter } from './is-space-character';

/**
 * Returns the text without leading and trailing space (`isSpaceCharacter`: plain, ideographic,
 * non-breaking and zero-width spaces). Text without such edges is returned as it is (no allocation).
 */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCharacter(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCharacter(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
