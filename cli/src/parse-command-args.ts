import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with positionals; its errors become one-line CliErrors. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    throw new CliError(`参数有误（pts ${command} --help 查看用法）：${message}`, `bad arguments (see pts ${command} --help): ${message}`);
  }
}

/** A required string option, else a CliError naming it. */
export function requireOption(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new CliError(`pts ${command} 需要 --${name}`, `pts ${command} needs --${name}`);
  }
  return value;
}
