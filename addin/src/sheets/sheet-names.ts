/** Names of new sheets and rows of the identity sheet. */
import type { CellValue } from '#shared/grid/types';

/** `wanted` when no sheet has that name (Excel compares names case-insensitively), else `wanted (2)`, `wanted (3)` … */
export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The 1-based row of `_pts_meta` for a sheet's identity: the row that names the sheet already, else the next free one. */
export function identityRow(metaValues: readonly CellValue[][], sheetName: string): number {
  const index = metaValues.findIndex((r) => typeof r[0] === 'string' && r[0].trim() === sheetName.trim());
  if (index >= 0) return index + 1;
  let last = 0;
  metaValues.forEach((r, i) => {
    if (r.some((v) => v !== null && v !== '')) last = i + 1;
  });
  return last + 1;
}
