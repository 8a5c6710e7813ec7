/**
 * The summary workbook as the sub-branch manager prints it for the morning meeting: opened in LibreOffice and
 * printed to PDF (A4 landscape), it runs one page wide with the header on every page and no ### in any cell;
 * and LibreOffice finds its chart, one bar per ranked outlet. A PNG of the first page goes to
 * test/artifacts/summary/ to be looked at.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { summariseSubmissions } from '#shared/summary';
import type { ConsolidatedSummary } from '#shared/summary/consolidated-summary';
import { validateSheet } from '#shared/validation/validate-sheet';
import { writeSummaryWorkbook } from '#shared/xlsx/write-summary-workbook';
import { demoInviteSheet, demoOrganisation } from '#functions/local/demo-data';

const run = promisify(execFile);
const inviteDaily = builtinTemplates.find((s) => s.id === 'invite-daily')!;
const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'summary');

jest.setTimeout(240_000);

/** Converts the workbook with LibreOffice (fresh profile, so conversions run side by side) and returns the output's path in `dir`. */
async function convert(bytes: Uint8Array, dir: string, name: string, to: 'pdf' | 'xlsx'): Promise<string> {
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  const input = join(dir, `${name}.xlsx`);
  const outDir = join(dir, `${name}-${to}`);
  await writeFile(input, bytes);
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, input], { timeout: 180_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return join(outDir, `${name}.${to}`);
}

async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

async function pageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);
  return stdout;
}

/** The demo sub-branch (10 outlets) after three days of reports, the second day without 3301010, as `npm start` seeds it. */
function demoSummary(): ConsolidatedSummary {
  const organisation = demoOrganisation({ campaignFrom: '2026-12-01' });
  const submissions = [];
  for (let day = 0; day < 3; day++) {
    const reportDate = `2026-12-0${day + 1}`;
    for (let i = 0; i < organisation.outlets.length; i++) {
      if (day === 1 && i === 9) continue;
      const grid = demoInviteSheet(inviteDaily, { organisation, outletIndex: i, reportDate, rows: 12 + ((i * 7 + day * 3) % 14) });
      const { rows } = validateSheet(grid.sheets[0], inviteDaily, { asOf: '2026-12-03', organisation });
      submissions.push({ unit: organisation.outlets[i].code, period: reportDate, rows });
    }
  }
  return summariseSubmissions(inviteDaily, organisation, submissions, { from: '2026-12-01', to: '2026-12-03' });
}

/** 30 outlets with long names, 28 reporting the largest money the columns must hold (9,999,999,999.99 per cell). */
function thirtyOutletSummary(): ConsolidatedSummary {
  const organisation = demoOrganisation({ outlets: 30, name: '城东经济技术开发区支行' });
  const money = 9_999_999_999.99;
  const submissions = organisation.outlets.slice(0, 28).map((outlet, i) => ({
    unit: outlet.code,
    period: '2026-12-01',
    rows: [{ rowNumber: 5, values: { B: `客户${i}`, K: i % 3 === 0 ? '否' : '是', L: '是', O: money, P: money, Q: '是', R: money, S: money } }],
  }));
  return summariseSubmissions(inviteDaily, organisation, submissions, { from: '2026-12-01', to: '2026-12-01' });
}

describe('the summary workbook in LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pts-summary-lo-'));
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the demo summary and a 30-outlet one with the largest money one page wide, header on every page, no ###', async () => {
    // Prepare
    const cases = [
      { name: 'demo-3-days', summary: demoSummary(), maxPages: 1 },
      { name: '30-outlets', summary: thirtyOutletSummary(), maxPages: 2 },
    ];
    // Act
    const pdfs = await Promise.all(cases.map(async (c) => convert(await writeSummaryWorkbook(inviteDaily, c.summary), dir, c.name, 'pdf')));
    // Assess
    for (const [i, c] of cases.entries()) {
      const pages = await pdfPages(pdfs[i]);
      expect([c.name, pages <= c.maxPages]).toEqual([c.name, true]);
      const texts = await Promise.all(Array.from({ length: pages }, (_, p) => pageText(pdfs[i], p + 1)));
      const all = texts.join('\n');
      expect(all).not.toContain('###');
      // Print titles: the header on every page; everything on one page width: the last column and the first.
      for (const text of texts) expect(text).toContain('网点名称');
      expect(all).toContain('备注');
      expect(all).toContain(c.summary.subBranchName);
      if (c.summary.missing.length > 0) expect(all).toContain('未报送');
      await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfs[i], join(ARTIFACTS, c.name)]);
    }
    const big = cases[1];
    expect(await pageText(pdfs[1], 1)).toContain('9,999,999,999.99');
    expect(big.summary.outlets).toHaveLength(28);
  });

  it('keeps a chart that LibreOffice reads, one bar per ranked outlet, values cached', async () => {
    // Prepare
    const summary = demoSummary();
    const ranked = summary.outlets.filter((line) => line.rank !== null);
    // Act: LibreOffice opens the file and saves it again; a chart it did not understand would not come back.
    const saved = await convert(await writeSummaryWorkbook(inviteDaily, summary), dir, 'chart', 'xlsx');
    // Assess
    const files = unzipSync(new Uint8Array(await readFile(saved)));
    const charts = Object.keys(files).filter((path) => /^xl\/charts\/chart\d+\.xml$/.test(path));
    expect(charts).toHaveLength(1);
    const chart = strFromU8(files[charts[0]]);
    expect(chart).toContain('<c:barChart>');
    expect(chart).toMatch(/<c:barDir val="bar"\/>/);
    const values = /<c:val>([\s\S]*?)<\/c:val>/.exec(chart)?.[1] ?? '';
    expect(values.match(/<c:pt idx=/g)).toHaveLength(ranked.length);
    const categories = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(chart)?.[1] ?? '';
    expect(categories).toContain(ranked[0].outletName);
    await writeFile(join(ARTIFACTS, 'demo-3-days.xlsx'), await writeSummaryWorkbook(inviteDaily, summary));
  });
});
