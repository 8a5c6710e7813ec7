/** A table with the demo organisation stored, deps with a fixed clock, and sheet bodies, for service and handler tests. */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { CellValue, WorkbookGrid } from '#shared/grid/types';
import type { Organisation } from '#shared/org/schema';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';
import { putOrganisation } from '#functions/adapters/org-store';
import type { TableRef } from '#functions/adapters/dynamo';
import { demoInviteSheet, demoOrganisation } from '#functions/local/demo-data';
import type { Caller } from '#functions/services/caller';
import type { ServiceDeps } from '#functions/services/deps';
import { createTestTable } from './test-table';

export const inviteSpec: TemplateSpec = builtinTemplates.find((s) => s.id === 'invite-daily') as TemplateSpec;

/** 2026-12-03 18:00 in Asia/Shanghai: before the 20:00 deadline of that day. */
export const ON_TIME = new Date('2026-12-03T10:00:00Z');
/** 2026-12-03 21:00 in Asia/Shanghai: after the deadline. */
export const LATE = new Date('2026-12-03T13:00:00Z');

export interface Scenario {
  table: TableRef;
  deps: ServiceDeps;
  organisation: Organisation;
  other: Organisation;
  clock: { now: Date };
}

export async function createScenario(prefix: string, clientConfig: DynamoDBClientConfig = {}): Promise<Scenario> {
  const table = await createTestTable(prefix, clientConfig);
  const organisation = demoOrganisation();
  const other = demoOrganisation({ code: '3302', name: '城西支行', outlets: 3 });
  await putOrganisation(table, organisation, 'auditor-1', '2026-11-30T00:00:00Z');
  await putOrganisation(table, other, 'auditor-1', '2026-11-30T00:00:00Z');
  const clock = { now: ON_TIME };
  return { table, deps: { table, now: () => clock.now, batchWrite: { baseDelayMs: 1, maxDelayMs: 5 } }, organisation, other, clock };
}

export function outletHead(organisation: Organisation, index: number): Caller {
  return { sub: `head-${organisation.outlets[index].code}`, role: 'outlet_head', subBranch: organisation.code, outlet: organisation.outlets[index].code };
}

export function inviteSheet(organisation: Organisation, outletIndex: number, rows = 5, reportDate = '2026-12-03', variant = 0): WorkbookGrid {
  return demoInviteSheet(inviteSpec, { organisation, outletIndex, reportDate, rows, variant });
}

/** Sets one cell of the first data rows (row index 0 = first data row) in a workbook grid. */
export function setCell(workbook: WorkbookGrid, rowIndex: number, col: string, value: CellValue): WorkbookGrid {
  const sheet = workbook.sheets[0];
  const r = inviteSpec.firstDataRow - 1 + rowIndex;
  const c = col.charCodeAt(0) - 65;
  (sheet.values[r] ??= [])[c] = value;
  return workbook;
}

export function jsonBody(workbook: WorkbookGrid): { body: string; isBase64Encoded: false; contentType: string } {
  return { body: JSON.stringify(workbook), isBase64Encoded: false, contentType: 'application/json' };
}
