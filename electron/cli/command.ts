/** The shape of one headless command. Each lives in ./commands/<name>.ts and is listed in ./commands/index.ts. */
export interface CliIo {
  /** Write to standard output (a line break is not added). */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
}

export interface CliCommand {
  name: string;
  /** One line for `--help`, e.g. `info <file.qdpx> [--json]   counts of a REFI-QDA project`. */
  usage: string;
  summary: string;
  /** Options in node:util parseArgs form. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  /** Returns the process exit code. Throw CliError for a user-facing failure. */
  run(args: { positionals: string[]; values: Record<string, string | boolean | string[] | boolean[] | undefined> }, io: CliIo): Promise<number>;
}

/** A failure the user caused or can fix: printed as one line `chorus: <message>`, exit status `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
