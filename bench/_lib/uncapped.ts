/**
 * The engine without the sheet and read caps, for the validation benchmark, which measures
 * throughput on sheets of 10,000 and 100,000 rows (above the 5,000-row cap a submission may have).
 * Copies of the built-in specs with a row cap of a million, and read caps to match.
 */
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';
import { createTemplateRegistry, type TemplateRegistry } from '#shared/spec/template-registry';
import { readLimitsFor, type WorkbookReadLimits } from '#shared/xlsx/workbook-limits';

const UNCAPPED_ROWS = 1_000_000;

const uncappedSpecs: TemplateSpec[] = builtinTemplates.map((spec) => ({ ...spec, limits: { ...spec.limits, maxRows: UNCAPPED_ROWS } }));

export const uncappedRegistry: TemplateRegistry = createTemplateRegistry(uncappedSpecs);

export const UNCAPPED_READ_LIMITS: WorkbookReadLimits = { ...readLimitsFor(uncappedSpecs), maxUnpackedBytes: 2 ** 30 };
