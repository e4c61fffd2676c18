/** `demo -o <file.qdpx>`: write the fictional demo project as a REFI-QDA project file. */
import { CliError, type CliCommand } from '../command';
import { writeOutputAtomic } from '../files';
import { buildDemoProject } from '../../../shared/demo';
import { writeQdpx } from '../../../shared/exchange/qdpx';

const USAGE = 'demo -o <file.qdpx>';

export const demo: CliCommand = {
  name: 'demo',
  usage: USAGE,
  summary: 'write the fictional demo project (Northshire Police) as a REFI-QDA .qdpx file',
  options: { output: { type: 'string', short: 'o' } },
  async run({ positionals, values }, io) {
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}" (usage: ${USAGE})`, 2);
    const out = values.output;
    if (typeof out !== 'string' || out.trim() === '') throw new CliError(`missing -o <file.qdpx> (usage: ${USAGE})`, 2);
    if (!/\.qdpx$/i.test(out)) throw new CliError(`${out}: the output file must end in .qdpx`, 2);
    const bundle = buildDemoProject();
    await writeOutputAtomic(out, () => writeQdpx(bundle));
    io.out(`${out}: wrote "${bundle.project.name}" (${bundle.documents.length} documents, ${bundle.codes.length} codes, ${bundle.codings.length} codings, ${bundle.coders.length} coders)\n`);
    return 0;
  },
};
