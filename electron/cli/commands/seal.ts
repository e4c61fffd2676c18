/**
 * `seal <project.qdpx> -o <bundle.chorus>` and `open <bundle.chorus> -o <project.qdpx>`: the sealed
 * hand-over (shared/crypto/sealed.ts). The passphrase comes from CHORUS_PASSPHRASE or a prompt.
 * Exit status: 3 for a wrong passphrase, 4 for a changed or damaged bundle, 1 for other errors.
 */
import { CliError, type CliCommand } from '../command';
import { readInput, writeOutputAtomic } from '../files';
import { readPassphrase, REFUSED_PASSPHRASE_OPTION, refusePassphraseArgument } from '../passphrase';
import { NotEncryptedDataError, openSealed, sealParts, TamperedDataError, WrongPassphraseError, DEFAULT_KDF } from '../../../shared/crypto';
import { ExchangeError } from '../../../shared/exchange/errors';
import { readQdpxWithWarnings } from '../../../shared/exchange/qdpx';

export const EXIT_WRONG_PASSPHRASE = 3;
export const EXIT_TAMPERED = 4;

const SEAL_USAGE = 'seal <project.qdpx> -o <bundle.chorus> [--kdf-memory-mib N] [--kdf-passes N]';
const OPEN_USAGE = 'open <bundle.chorus> -o <project.qdpx>';

function oneInput(positionals: string[], usage: string, what: string): string {
  const [file, ...extra] = positionals;
  if (!file) throw new CliError(`missing <${what}> (usage: ${usage})`, 2);
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}" (usage: ${usage})`, 2);
  return file;
}

function output(value: unknown, ext: string, usage: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`missing -o <file${ext}> (usage: ${usage})`, 2);
  if (!value.toLowerCase().endsWith(ext)) throw new CliError(`${value}: the output file must end in ${ext}`, 2);
  return value;
}

function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--${name} must be a whole number of at least 1, not "${String(value)}"`, 2);
  return n;
}

export const sealCommand: CliCommand = {
  name: 'seal',
  usage: SEAL_USAGE,
  summary: `encrypt and authenticate a whole project for hand-over (AES-256-GCM, key from Argon2id: ${DEFAULT_KDF.memoryKiB / 1024} MiB, ${DEFAULT_KDF.iterations} passes by default); passphrase from ${'CHORUS_PASSPHRASE'} or a prompt`,
  options: { output: { type: 'string', short: 'o' }, 'kdf-memory-mib': { type: 'string' }, 'kdf-passes': { type: 'string' }, ...REFUSED_PASSPHRASE_OPTION },
  async run({ positionals, values }, io) {
    refusePassphraseArgument(values);
    const file = oneInput(positionals, SEAL_USAGE, 'project.qdpx');
    const out = output(values.output, '.chorus', SEAL_USAGE);
    const memoryKiB = positiveInt(values['kdf-memory-mib'], 'kdf-memory-mib', DEFAULT_KDF.memoryKiB / 1024) * 1024;
    const iterations = positiveInt(values['kdf-passes'], 'kdf-passes', DEFAULT_KDF.iterations);
    const bytes = await readInput(file);
    try {
      readQdpxWithWarnings(bytes, file);
    } catch (e) {
      if (e instanceof ExchangeError) throw new CliError(`${file}: ${e.message} (only a readable project can be sealed)`);
      throw e;
    }
    const passphrase = await readPassphrase({ confirm: true });
    await writeOutputAtomic(out, async () => {
      try {
        return await sealParts(bytes, passphrase, { memoryKiB, iterations });
      } catch (e) {
        if (e instanceof NotEncryptedDataError) throw new CliError(e.message, 2);
        throw e;
      }
    });
    io.out(`${out}: sealed ${file} (${bytes.length} bytes; Argon2id ${memoryKiB / 1024} MiB, ${iterations} passes)\n`);
    return 0;
  },
};

export const openCommand: CliCommand = {
  name: 'open',
  usage: OPEN_USAGE,
  summary: `decrypt a sealed bundle back to its project file; exit ${EXIT_WRONG_PASSPHRASE} for a wrong passphrase, ${EXIT_TAMPERED} for a changed or damaged bundle`,
  options: { output: { type: 'string', short: 'o' }, ...REFUSED_PASSPHRASE_OPTION },
  async run({ positionals, values }, io) {
    refusePassphraseArgument(values);
    const file = oneInput(positionals, OPEN_USAGE, 'bundle.chorus');
    const out = output(values.output, '.qdpx', OPEN_USAGE);
    const bytes = await readInput(file);
    let plain: Uint8Array | undefined;
    await writeOutputAtomic(out, async () => {
      try {
        plain = await openSealed(bytes, await readPassphrase({ confirm: false }));
        return plain;
      } catch (e) {
        if (e instanceof WrongPassphraseError) throw new CliError(`${file}: ${e.message}`, EXIT_WRONG_PASSPHRASE);
        if (e instanceof TamperedDataError) throw new CliError(`${file}: ${e.message}`, EXIT_TAMPERED);
        if (e instanceof NotEncryptedDataError) throw new CliError(`${file}: ${e.message}`);
        throw e;
      }
    });
    io.out(`${out}: opened ${file} (${plain!.length} bytes)\n`);
    return 0;
  },
};
