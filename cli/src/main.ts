/** The `pts` command: template, validate, fix, summary, submit (contract.md). */
import { CliError, EXIT_UNUSABLE } from './cli-error';
import { COMMAND_HELP, MAIN_HELP } from './help';
import { processOutput, type CliOutput } from './io';
import { version } from '../../package.json';

type Command = (args: string[], output: CliOutput, now: Date) => Promise<number>;

/**
 * Each command is loaded when it runs: `pts validate` then never loads ExcelJS, which only the
 * commands that write workbooks (template, fix, summary) need, and starts that much sooner.
 */
const COMMANDS: Record<string, Command> = {
  template: async (args, output) => (await import('./commands/template')).runTemplate(args, output),
  validate: async (...args) => (await import('./commands/validate')).runValidate(...args),
  fix: async (...args) => (await import('./commands/fix')).runFix(...args),
  summary: async (...args) => (await import('./commands/summary')).runSummary(...args),
  submit: async (args, output) => (await import('./commands/submit')).runSubmit(args, output),
};

/** Runs one command line; returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: string[], output: CliOutput = processOutput, now: Date = new Date()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined;
    output.out(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : MAIN_HELP);
    return name === undefined ? EXIT_UNUSABLE : 0;
  }
  if (name === '--version' || name === '-V') {
    output.out(`pts ${version}`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err(`pts: 未知命令 ${name}（pts --help 查看用法）/ unknown command ${name} (see pts --help)`);
    return EXIT_UNUSABLE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    output.out(COMMAND_HELP[name]);
    return 0;
  }
  try {
    return await command(args, output, now);
  } catch (error) {
    if (error instanceof CliError) {
      output.err(`pts ${name}: ${error.message}`);
      return EXIT_UNUSABLE;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    output.err(`pts ${name}: 内部错误 / internal error: ${message}`);
    if (process.env.PTS_DEBUG) output.err(error instanceof Error ? (error.stack ?? message) : message);
    return EXIT_UNUSABLE;
  }
}

// A reader that stops early (`pts validate a.xlsx | head`) closes the pipe: that is the end of the output, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT_UNUSABLE;
  },
);
