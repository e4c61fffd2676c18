/**
 * Where the CLI gets a passphrase: the CHORUS_PASSPHRASE environment variable, or a prompt on the
 * terminal that does not echo what is typed. Never a command-line argument (it would stay in the
 * shell's history and in every process listing).
 */
import { CliError } from './command';

export const PASSPHRASE_ENV = 'CHORUS_PASSPHRASE';
export const MIN_PASSPHRASE = 8;

/** Read one line from the terminal without echoing it (raw mode; Backspace and Ctrl+C handled). */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new CliError('cancelled', 130));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    process.stderr.write(question);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** The passphrase for `seal` (asked twice when typed) or `open` (asked once). */
export async function readPassphrase(opts: { confirm: boolean }): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  let pass: string;
  if (fromEnv !== undefined && fromEnv !== '') {
    pass = fromEnv;
  } else if (process.stdin.isTTY) {
    pass = await promptHidden('Passphrase: ');
    if (opts.confirm && (await promptHidden('Passphrase again: ')) !== pass) throw new CliError('the two passphrases differ; nothing was written');
  } else {
    throw new CliError(`no passphrase: set ${PASSPHRASE_ENV} or run the command in a terminal to be asked for one`, 2);
  }
  if (opts.confirm && Array.from(pass).length < MIN_PASSPHRASE) throw new CliError(`the passphrase is shorter than ${MIN_PASSPHRASE} characters; choose a longer one (a few unrelated words work well)`, 2);
  return pass;
}

/** Options every passphrase command declares, so that `--passphrase` gets a clear refusal rather than "unknown option". */
export const REFUSED_PASSPHRASE_OPTION = { passphrase: { type: 'string' as const } };

export function refusePassphraseArgument(values: Record<string, unknown>): void {
  if (values.passphrase !== undefined)
    throw new CliError(`a passphrase is never taken as an argument (it would stay in the shell history and process list): set ${PASSPHRASE_ENV} or type it at the prompt`, 2);
}
