import { createHash } from 'node:crypto';
import { retryAfterSeconds } from '#shared/api/retry-after-seconds';
import type { Finding } from '#shared/findings/types';
import { CliError, EXIT_OK, EXIT_SHEET_ERRORS } from '../cli-error';
import { formatFindingCounts, formatFindingLine } from '../format';
import { readInputFile, startProgress, type CliOutput } from '../io';
import { parseCommandArgs, requireOption } from '../parse-command-args';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ApiErrorBody {
  code?: string;
  message_zh?: string;
  message_en?: string;
  findings?: Finding[];
}

/** `pts submit FILE.xlsx --api URL --token TOKEN [--json]` */
export async function runSubmit(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('submit', args, {
    api: { type: 'string' },
    token: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new CliError('请给出一个 .xlsx 文件', 'give one .xlsx file');
  const file = positionals[0];
  const api = requireOption('submit', 'api', values.api);
  const token = requireOption('submit', 'token', values.token);
  let url: URL;
  try {
    url = new URL(`${api.replace(/\/+$/, '')}/submissions`);
  } catch {
    throw new CliError(`--api 不是有效的网址：${api}`, `--api is not a valid URL: ${api}`);
  }
  const bytes = await readInputFile(file);
  const idempotencyKey = createHash('sha256').update(bytes).digest('hex');

  const progress = startProgress(output);
  let response: Response | undefined;
  let text = '';
  // A 503 (busy, or a dependency down) is sent again after its Retry-After, with the same Idempotency-Key: stored once.
  for (let tries = 1; ; tries++) {
    progress.step(tries === 1 ? `提交 / sending ${file} to ${url.origin}` : `重新提交（第 ${tries} 次）/ sending again (try ${tries})`);
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_CONTENT_TYPE, 'idempotency-key': idempotencyKey },
        body: new Uint8Array(bytes),
      });
    } catch (error) {
      progress.done();
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new CliError(`无法连接 ${url.origin}`, `cannot reach ${url.origin}: ${cause}`);
    }
    text = await response.text();
    if (response.status !== 503 || tries >= SUBMIT_TRIES) break;
    const waitSeconds = retryAfterSeconds(response.headers.get('retry-after'), SUBMIT_WAIT);
    output.err(`服务器繁忙（HTTP 503），${waitSeconds} 秒后重试 / the server is busy (HTTP 503), trying again in ${waitSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
  }
  progress.done();
  if (!response) throw new CliError('没有收到服务器的回答', 'no answer from the server');
  const body = parseJson(text);

  if (response.ok) {
    if (values.json) output.out(JSON.stringify(body ?? text, null, 2));
    else output.out(`已提交 ${file}（HTTP ${response.status}）/ submitted ${file} (HTTP ${response.status})\n${JSON.stringify(body ?? text, null, 2)}`);
    return EXIT_OK;
  }
  const error = (body ?? {}) as ApiErrorBody;
  if (response.status === 422 && Array.isArray(error.findings)) {
    if (values.json) output.out(JSON.stringify(body, null, 2));
    else for (const finding of error.findings) output.out(formatFindingLine(file, finding));
    output.err(`${file}：服务器拒收，表格有错误 / rejected by the server, the sheet has errors: ${formatFindingCounts(error.findings)}`);
    return EXIT_SHEET_ERRORS;
  }
  const zh = error.message_zh ?? text.slice(0, 200);
  const en = error.message_en ?? response.statusText;
  throw new CliError(`提交失败（HTTP ${response.status}${error.code ? ` ${error.code}` : ''}）：${zh}`, `submission failed (HTTP ${response.status}): ${en}`);
}

/** Tries of one submission when the server answers 503, the first included. */
const SUBMIT_TRIES = 5;
/** The waits of `pts submit`: 2 s without a header, at most 30 s. */
const SUBMIT_WAIT = { fallback: 2, min: 0, max: 30 };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
