import { parseArgs } from 'node:util';
import { CliError, type CliIo } from './command';
import { commands } from './commands';
import { errorMessage } from '../../shared/error-message';
import { terminalSafe } from './terminal-text';

export function helpText(): string {
  const lines = [
    'Chorus — headless commands',
    '',
    'Usage: npm run chorus -- <command> [options]',
    '',
    'Commands:',
    '',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`, '']),
    'Options for every command:',
    '  --help  show this help',
    '',
    'Exit status is 0 on success and non-zero on any error; errors are one line on stderr.',
  ];
  return lines.join('\n') + '\n';
}

/** Parse argv, dispatch to a command, and map failures to one-line messages and exit codes. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // every line printed passes the terminal sanitiser: names from files never reach the terminal raw
  const io: CliIo = { out: (t) => rawIo.out(terminalSafe(t)), err: (t) => rawIo.err(terminalSafe(t)) };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`chorus: unknown command "${name}" (try --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: npm run chorus -- ${cmd.usage}\n  ${cmd.summary}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`chorus ${name}: ${errorMessage(e)}\n`);
    return 2;
  }
  try {
    return await cmd.run({ positionals: parsed.positionals, values: parsed.values as never }, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`chorus ${name}: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
