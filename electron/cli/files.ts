import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { CliError } from './command';

/** Read a file the user named, turning OS errors into one clear line. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new CliError(`${path}: ${why}`);
  }
}

/**
 * Write an output file all-or-nothing: the bytes go to a temporary file beside the target,
 * which is renamed into place only once complete. `produce` may throw: then nothing is left behind.
 */
export async function writeOutputAtomic(path: string, produce: () => Promise<Uint8Array | readonly Uint8Array[]> | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    const bytes = await produce();
    // (several parts are written one after the other, never joined in memory)
    if (bytes instanceof Uint8Array) await writeFile(tmp, bytes);
    else await writeFile(tmp, Readable.from(bytes));
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`${path}: cannot write (${code})`);
    throw e;
  }
}
