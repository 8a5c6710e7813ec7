/**
 * Zip-bomb benchmark (issue 9): a 1 MB .xlsx that inflates to 1 GB, posted to the real local API
 * (HTTP on 127.0.0.1, DynamoDB Local) as an outlet head, one at a time and three at once, with the
 * zip directory declaring the true size (refused from the directory) and lying (refused by counting
 * the inflated bytes). Time to the 413 and growth of this process's RSS (the server runs in it) while
 * it is refused, against a baseline measured in the same run: a 50-row workbook read, checked and answered.
 * Before the caps the tester measured 29 s and 1.3 GB for one bomb, 3.7 GB for three.
 */
import type { BenchCheck, BenchModule, BenchRunOptions } from './bench-module';
import { zipBomb } from './_lib/zip-bomb';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TARGET_MS = 2000;
const TARGET_GROWTH_MB = 100;
const REPEATS = 3;
const MB = 2 ** 20;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Measured {
  /** Slowest answer of the run, ms. */
  ms: number;
  /** Peak RSS during the run minus RSS before it, MB. */
  growthMb: number;
  statuses: number[];
}

/** Runs `action` while sampling RSS every 5 ms; the peak growth over the RSS before it. */
async function withPeakRss(action: () => Promise<number[]>): Promise<Measured> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  try {
    const statuses = await action();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms: performance.now() - started, growthMb: (peak - before) / MB, statuses };
  } finally {
    clearInterval(sampler);
  }
}

async function runZipBombBench({ log }: BenchRunOptions): Promise<BenchCheck[]> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= '1';
  const { startLocalStack } = await import('#functions/local/local-stack');
  const { demoOrganisation } = await import('#functions/local/demo-data');
  const { builtinTemplates } = await import('#shared/spec/builtin-templates');
  const { isoDateInTimeZone } = await import('#shared/period/iso-date-in-time-zone');
  const { syntheticInviteRows, writeSyntheticInviteWorkbook } = await import('./_lib/synthetic-invite-sheet');

  const stack = await startLocalStack({ apiPort: 0, seed: false });
  try {
    const today = isoDateInTimeZone(new Date(), 'Asia/Shanghai');
    const organisation = demoOrganisation({ campaignFrom: new Date(Date.parse(`${today}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10) });
    const put = await fetch(`${stack.apiUrl}/org/${organisation.code}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${stack.tokens.auditor}`, 'content-type': 'application/json' },
      body: JSON.stringify(organisation),
    });
    if (put.status !== 200 && put.status !== 201) throw new Error(`PUT /org answered ${put.status}`);
    const post = async (body: Uint8Array): Promise<number> => {
      const response = await fetch(`${stack.apiUrl}/submissions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.tokens.outlet_head}`, 'content-type': XLSX_TYPE },
        body: Buffer.from(body),
      });
      await response.arrayBuffer();
      return response.status;
    };

    const spec = builtinTemplates.find((s) => s.id === 'invite-daily')!;
    const header = { subBranch: organisation.code, outlet: organisation.outlets[0].code, reportDate: today, submitter: '王主任' };
    const normal = await writeSyntheticInviteWorkbook(spec, header, syntheticInviteRows(50));
    const bombs = { honest: zipBomb({ unpackedMb: 1024, declared: 'honest' }), lying: zipBomb({ unpackedMb: 1024, declared: 'small' }) };
    log(`bomb: ${fmt(bombs.lying.length / MB, 2)} MB zipped, 1,024 MB of worksheet XML unpacked; baseline: a 50-row 邀约明细 (${fmt(normal.length / 1024)} KB)`);

    // Warm-up (JIT, connections, the template registry), then medians of REPEATS runs.
    await post(normal);
    await post(bombs.lying);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const measure = async (bodies: Uint8Array[]): Promise<Measured> => {
      const runs: Measured[] = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await withPeakRss(() => Promise.all(bodies.map(post))));
      return { ms: median(runs.map((r) => r.ms)), growthMb: Math.max(...runs.map((r) => r.growthMb)), statuses: runs.flatMap((r) => r.statuses) };
    };
    const baseline = await measure([normal]);
    log(`baseline 50-row workbook: ${fmt(baseline.ms)} ms, answered ${[...new Set(baseline.statuses)].join('/')}`);

    const checks: BenchCheck[] = [];
    for (const [declared, bomb] of Object.entries(bombs)) {
      for (const count of [1, 3]) {
        const result = await measure(Array.from({ length: count }, () => bomb));
        const refused = result.statuses.every((s) => s === 413);
        const label = `${count === 1 ? 'one bomb' : 'three bombs at once'}, size ${declared === 'honest' ? 'declared' : 'hidden'}`;
        log(
          `${label.padEnd(38)} ${fmt(result.ms).padStart(6)} ms (${fmt(result.ms / baseline.ms, 2)}× the 50-row workbook), RSS +${fmt(result.growthMb, 1)} MB, answers ${[...new Set(result.statuses)].join('/')}`,
        );
        checks.push(
          { name: `${label}: refused (413)`, measured: result.statuses.join(','), target: 'every answer 413', pass: refused },
          { name: `${label}: time to the answer`, measured: `${fmt(result.ms)} ms`, target: `< ${fmt(TARGET_MS)} ms`, pass: result.ms < TARGET_MS },
          { name: `${label}: server RSS growth`, measured: `${fmt(result.growthMb, 1)} MB`, target: `< ${TARGET_GROWTH_MB} MB`, pass: result.growthMb < TARGET_GROWTH_MB },
        );
      }
    }
    log(`RSS after all runs: ${fmt(process.memoryUsage.rss() / MB)} MB`);
    return checks;
  } finally {
    await stack.close();
  }
}

export const zipBombBench: BenchModule = {
  name: 'zip-bomb',
  description: '1 MB .xlsx inflating to 1 GB posted to the local API: refused (413) in time and memory, one and three at once',
  run: runZipBombBench,
};
