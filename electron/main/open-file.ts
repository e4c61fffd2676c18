/**
 * Project files the OS asks Chorus to open (double-click on a .qdpx: the file association, macOS
 * 'open-file', or a path on the command line of a second instance). The user chose the file, so the
 * main process reads it — only a regular .qdpx file under the size cap — and hands its bytes to the
 * renderer as an 'open-file' app command. Nothing else is ever read for the renderer.
 */
import path from 'node:path';
import type { AppCommand } from '../../shared/ipc/contract';

/** The largest project file opened this way (the renderer also caps what it unzips). */
export const MAX_PROJECT_FILE_BYTES = 1024 * 1024 * 1024;

export interface ProjectFileSystem {
  stat(p: string): Promise<{ isFile(): boolean; size: number }>;
  readFile(p: string): Promise<Uint8Array>;
}

/** The .qdpx paths among command-line arguments (flags and everything else ignored). */
export function projectPathsFromArgv(argv: readonly string[]): string[] {
  return argv.filter((a) => !a.startsWith('-') && /\.qdpx$/i.test(a));
}

/** Read a project file for the renderer; throws a one-line message naming the file. */
export async function readProjectFileCommand(filePath: string, fs: ProjectFileSystem): Promise<AppCommand> {
  const name = path.basename(filePath).replace(/[\u0000-\u001f\u007f]/g, '');
  if (!/\.qdpx$/i.test(name)) throw new Error(`${name}: not a project file (.qdpx)`);
  const info = await fs.stat(filePath);
  if (!info.isFile()) throw new Error(`${name}: not a file`);
  if (info.size > MAX_PROJECT_FILE_BYTES) throw new Error(`${name}: too large to open (${info.size} bytes; the limit is ${MAX_PROJECT_FILE_BYTES})`);
  return { type: 'open-file', name, bytes: await fs.readFile(filePath) };
}
