/**
 * `npm start`: DynamoDB Local with its data under .data/, the API on http://127.0.0.1:3001
 * (PTS_API_PORT), the task pane on https://localhost:3000; prints a token per demo role.
 * Ctrl-C (SIGINT) or SIGTERM stops everything, DynamoDB Local included.
 */
import { resolve } from 'node:path';
import { startLocalStack } from './local-stack';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  const stack = await startLocalStack({ dataDir: resolve(root, '.data'), paneDir: resolve(root, 'dist', 'addin') });
  const lines = [
    '',
    `PTS 本地环境已启动 / local stack is up${stack.seeded ? '（已写入演示数据 / demo data seeded）' : '（沿用已有数据 / existing data kept）'}`,
    `  API:       ${stack.apiUrl}`,
    `  任务窗格 pane: ${stack.paneUrl ?? '(not started)'}`,
    '  演示支行 demo sub-branch 3301 城东支行, outlets 3301001–3301010',
    '',
    '  令牌 tokens (Authorization: Bearer …):',
    ...Object.entries(stack.tokens).map(([role, token]) => `  ${role.padEnd(18)} ${token}`),
    '',
    `  其他令牌 more: curl -s -X POST ${stack.apiUrl}/local/token -d '{"role":"outlet_head","outlet":"3301002"}'`,
    '  按 Ctrl-C 停止 / Ctrl-C stops',
    '',
  ];
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: 正在停止 / stopping…`);
    stack.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`本地环境启动失败 / local stack failed to start: ${error.message}`);
  process.exit(1);
});
