// Bundles the Electron main process and preload with esbuild (no Electron binary needed):
//   electron/main/index.ts    -> dist-electron/main.cjs
//   electron/preload/index.ts -> dist-electron/preload.cjs
// Usage: node electron/build.mjs [--outdir <dir>]   (tests build into a temporary folder)
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {{ outdir?: string, logLevel?: import('esbuild').LogLevel }} [options] */
export async function buildElectron(options = {}) {
  const outdir = options.outdir ?? path.join(repoRoot, 'dist-electron');
  const common = {
    bundle: true,
    platform: /** @type {const} */ ('node'),
    format: /** @type {const} */ ('cjs'),
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    legalComments: /** @type {const} */ ('none'),
    logLevel: options.logLevel ?? 'warning',
    absWorkingDir: repoRoot,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await Promise.all([
    build({ ...common, entryPoints: [path.join(repoRoot, 'electron/main/index.ts')], outfile: path.join(outdir, 'main.cjs') }),
    build({ ...common, entryPoints: [path.join(repoRoot, 'electron/preload/index.ts')], outfile: path.join(outdir, 'preload.cjs') }),
  ]);
  return { main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 ? process.argv[at + 1] : undefined;
  if (at > 0 && !outdir) throw new Error('electron/build.mjs: --outdir needs a folder');
  const out = await buildElectron({ outdir: outdir && path.resolve(outdir) });
  console.log(`built ${path.relative(repoRoot, out.main)} and ${path.relative(repoRoot, out.preload)}`);
}
