/** `info <file.qdpx> [--json]`: counts of a REFI-QDA project, without importing it. */
import { CliError, type CliCommand } from '../command';
import { readInput } from '../files';
import { projectCounts } from '../../../shared/exchange/counts';
import { ExchangeError } from '../../../shared/exchange/errors';
import { readQdpxWithWarnings } from '../../../shared/exchange/qdpx';

export const info: CliCommand = {
  name: 'info',
  usage: 'info <file.qdpx> [--json]',
  summary: 'counts of a REFI-QDA project (sources, documents, participants, codes, codings, coders, memos)',
  options: { json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    const [file, ...extra] = positionals;
    if (!file) throw new CliError('missing <file.qdpx> (usage: info <file.qdpx> [--json])', 2);
    if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}" (usage: info <file.qdpx> [--json])`, 2);
    const bytes = await readInput(file);
    let result;
    try {
      result = readQdpxWithWarnings(bytes, file);
    } catch (e) {
      if (e instanceof ExchangeError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    const counts = projectCounts(result.bundle);
    if (values.json) {
      io.out(JSON.stringify({ file, ...counts, warnings: result.warnings, notes: result.notes }) + '\n');
      return 0;
    }
    const rows = Object.entries(counts) as [string, number][];
    const width = Math.max(...rows.map(([k]) => k.length));
    const lines = [`${file}: "${result.bundle.project.name}"`, ...rows.map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(7)}`)];
    if (result.warnings.length > 0) lines.push(`Warnings (${result.warnings.length}):`, ...result.warnings.map((w) => `  - ${w}`));
    if (result.notes.length > 0) lines.push(`Notes (${result.notes.length}):`, ...result.notes.map((n) => `  - ${n}`));
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
