import { looseEnumForm } from './_lib/loose-enum-form';

/** The allowed values of an enum, prepared once for `normaliseEnumValue`. */
export interface EnumChoices {
  readonly values: readonly string[];
  /** Exact allowed values. */
  readonly exact: ReadonlySet<string>;
  /** Allowed values by their loose form (half-width, no white space). */
  readonly byLooseForm: ReadonlyMap<string, string>;
}

/** Prepares the allowed values of an enum column or header field (once per spec, not per cell). */
export function createEnumChoices(values: readonly string[]): EnumChoices {
  return {
    values,
    exact: new Set(values),
    byLooseForm: new Map(values.map((v) => [looseEnumForm(v), v])),
  };
}
