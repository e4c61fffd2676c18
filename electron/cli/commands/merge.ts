/**
 * `merge <a.qdpx> <b.qdpx>... -o <out.qdpx> [--prefer first|last] [--json]`: bring other coders'
 * exports into the first project (see shared/exchange/merge.ts for how things are matched).
 * Conflicts are listed before anything is written; unresolved ones exit 3 with no output file.
 */
import { CliError, type CliCommand } from '../command';
import { readInput, writeOutputAtomic } from '../files';
import { ExchangeError } from '../../../shared/exchange/errors';
import { mergeProjects, type MergePrefer } from '../../../shared/exchange/merge';
import { readQdpx, writeQdpx } from '../../../shared/exchange/qdpx';

const USAGE = 'merge <a.qdpx> <b.qdpx>... -o <out.qdpx> [--prefer first|last] [--json]';
const PREFER: readonly MergePrefer[] = ['first', 'last'];

export const merge: CliCommand = {
  name: 'merge',
  usage: USAGE,
  summary:
    "bring other coders' .qdpx into the first one: sources matched by their text, codes by GUID then path, coders kept apart; " +
    'conflicts (same code, other name or parent; same source, other text) stop the merge unless --prefer says which file wins ' +
    '(a source with two texts is then kept twice)',
  options: { output: { type: 'string', short: 'o' }, prefer: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length < 2) throw new CliError(`name at least two projects to merge (usage: ${USAGE})`, 2);
    const out = values.output;
    if (typeof out !== 'string' || out.trim() === '') throw new CliError(`missing -o <out.qdpx> (usage: ${USAGE})`, 2);
    if (!/\.qdpx$/i.test(out)) throw new CliError(`${out}: the output file must end in .qdpx`, 2);
    const prefer = values.prefer;
    if (prefer !== undefined && !PREFER.includes(prefer as MergePrefer)) throw new CliError(`--prefer must be first or last, not "${String(prefer)}"`, 2);
    const bundles = [];
    for (const file of positionals) {
      const bytes = await readInput(file);
      try {
        bundles.push(readQdpx(bytes, file));
      } catch (e) {
        if (e instanceof ExchangeError) throw new CliError(`${file}: ${e.message}`);
        throw e;
      }
    }
    const result = mergeProjects(bundles, { prefer: prefer as MergePrefer | undefined, names: positionals });
    const { summary } = result;
    if (values.json) io.out(JSON.stringify({ sources: summary.sources, codes: summary.codes, codings: summary.codings, quotes: summary.quotes, packTemplates: summary.packTemplates }) + '\n');
    else {
      io.out(
        `sources: ${summary.sources.matched} matched, ${summary.sources.added} added\n` +
          `codes: ${summary.codes.matched} matched, ${summary.codes.added} added, ${summary.codes.conflicts} in conflict\n` +
          `codings: ${summary.codings.added} added, ${summary.codings.duplicates} duplicates\n` +
          `candidate quotes: ${summary.quotes.added} added, ${summary.quotes.matched} already there, ${summary.quotes.dropped} dropped (document or coding missing)\n` +
          `pack templates: ${summary.packTemplates.added} added, ${summary.packTemplates.kept} not taken (the first file's edit kept)\n`,
      );
    }
    if (result.unresolved) {
      const n = result.conflicts.length;
      io.err(`chorus merge: ${n} unresolved conflict${n === 1 ? '' : 's'}; nothing was written (decide with --prefer first or --prefer last):\n`);
      for (const c of result.conflicts) io.err(`  - ${c.message}\n`);
      return 3;
    }
    // with --json, stdout carries only the JSON line; how conflicts were resolved goes to stderr
    for (const c of result.conflicts) (values.json ? io.err : io.out)(`resolved by --prefer ${String(prefer)}: ${c.message}\n`);
    await writeOutputAtomic(out, () => writeQdpx(result.bundle));
    if (!values.json) io.out(`${out}: wrote "${result.bundle.project.name}" (${result.bundle.documents.length} documents, ${result.bundle.codes.length} codes, ${result.bundle.codings.length} codings, ${result.bundle.coders.length} coders)\n`);
    return 0;
  },
};
