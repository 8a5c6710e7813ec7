import { toHalfWidth } from '../to-half-width';

const SPACES = /[\s\u200b\ufeff]/g;

/** The form two enum values are compared in when not equal: half-width, all white space removed. */
export function looseEnumForm(text: string): string {
  return toHalfWidth(text).replace(SPACES, '');
}
