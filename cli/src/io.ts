import { readFile, writeFile } from 'node:fs/promises';
import { organisationSchema, type Organisation } from '#shared/org/schema';
import { CliError } from './cli-error';

/** Where a command writes: stdout for results, stderr for progress and notes. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** The bytes of an input file; a missing or unreadable file is a CliError. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件 ${path}`, `file not found: ${path}`);
    if (code === 'EISDIR') throw new CliError(`${path} 是目录，不是文件`, `${path} is a directory, not a file`);
    throw new CliError(`无法读取文件 ${path}`, `cannot read ${path}: ${(error as Error).message}`);
  }
}

export async function writeOutputFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new CliError(`无法写入文件 ${path}`, `cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Reads and checks an organisation file (`--org`). */
export async function readOrganisation(path: string): Promise<Organisation> {
  const text = new TextDecoder().decode(await readInputFile(path));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`机构文件 ${path} 不是有效的 JSON`, `organisation file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = organisationSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new CliError(`机构文件 ${path} 格式不符`, `organisation file ${path} does not follow the format: ${detail}`);
  }
  return parsed.data;
}

/** Checks a `--as-of`/`--from`/`--to` day option. */
export function parseDay(option: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const valid = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() === +m[3] && +m[2] >= 1 && +m[2] <= 12;
  if (!valid) throw new CliError(`${option} 应为日期 YYYY-MM-DD，而不是“${value}”`, `${option} must be a day YYYY-MM-DD, not "${value}"`);
  return value;
}

/**
 * Progress on stderr for commands that take more than a second: steps are only remembered at first;
 * once a second has passed, the step running at that moment and every later one are printed, each
 * once, with the time it started (the timer cannot fire while a step works synchronously, so the
 * crossing is also noticed at the next step).
 */
export interface Progress {
  step(text: string): void;
  done(): void;
}

export function startProgress(output: CliOutput, thresholdMs = 1000): Progress {
  const started = Date.now();
  let current: { text: string; at: number; printed: boolean } | undefined;
  let printing = false;
  const print = (step: { text: string; at: number; printed: boolean }) => {
    step.printed = true;
    output.err(`… ${step.text} (${((step.at - started) / 1000).toFixed(1)} s)`);
  };
  const startPrinting = () => {
    printing = true;
    if (current && !current.printed) print(current);
  };
  const timer = setTimeout(startPrinting, thresholdMs);
  timer.unref();
  return {
    step(text) {
      if (!printing && Date.now() - started >= thresholdMs) startPrinting();
      current = { text, at: Date.now(), printed: false };
      if (printing) print(current);
    },
    done() {
      clearTimeout(timer);
      if (printing) output.err(`… 完成 / done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    },
  };
}
