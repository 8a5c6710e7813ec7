import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with positionals; its errors become one-line CliErrors in Chinese and English. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const { zh, en } = describeArgumentError(error);
    throw new CliError(`参数有误：${zh}（pts ${command} --help 查看用法）`, `bad arguments: ${en} (see pts ${command} --help)`);
  }
}

/**
 * What was wrong with the arguments, in our words: Node's parseArgs messages are English only and
 * give advice (`place it at the end after '--'`) that does not apply to pts. Read by error code;
 * the option is taken from the message's first quoted word.
 */
function describeArgumentError(error: unknown): { zh: string; en: string } {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^'\s<=]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { zh: `未知选项 ${option}`, en: `unknown option ${option}` };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(message)) return { zh: `选项 ${option} 不带值`, en: `option ${option} takes no value` };
      return { zh: `选项 ${option} 缺少值`, en: `option ${option} needs a value` };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { zh: '多余的参数', en: 'unexpected argument' };
    default:
      return { zh: '无法识别的参数', en: message.split('\n')[0] };
  }
}

/** A required string option, else a CliError naming it. */
export function requireOption(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new CliError(`pts ${command} 需要 --${name}`, `pts ${command} needs --${name}`);
  }
  return value;
}
