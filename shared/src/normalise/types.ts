/**
 * What a normaliser says about one typed-in value: the canonical value and whether
 * it differs from what was typed (then the cell needs a safe fix), or why it cannot be read.
 */
export type Normalised<T> = NormalisedValue<T> | NotNormalisable;

export interface NormalisedValue<T> {
  ok: true;
  value: T;
  /** True when the canonical value differs from the input: the cell takes a safe fix. */
  changed: boolean;
}

/** Why a value cannot be normalised: unreadable, or readable only by guessing. */
export interface NotNormalisable {
  ok: false;
  reason: 'unreadable' | 'ambiguous' | 'not-integer' | 'not-a-date';
}

/** What a cell may hold, as Excel hands it over. */
export type RawCellValue = string | number | boolean | null | undefined;
