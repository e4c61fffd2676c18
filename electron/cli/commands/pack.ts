/** `pack <project.qdpx> --audience A --format F -o FILE`: an audience pack, the same as the app makes. */
import { CliError, type CliCommand } from '../command';
import { readInput, writeOutputAtomic } from '../files';
import { chartSvg } from '../chart-svg';
import { renderPdf } from '../pack-pdf';
import { ExchangeError } from '../../../shared/exchange/errors';
import { readQdpx } from '../../../shared/exchange/qdpx';
import { makePack, PACK_AUDIENCES, PACK_FORMATS, packToDocx, packToHtml, packToPdfDefinition, packToXlsx, TemplateError, type PackAudience, type PackFormat } from '../../../shared/packs';

const USAGE = `pack <project.qdpx> --audience ${PACK_AUDIENCES.join('|')} --format ${PACK_FORMATS.join('|')} -o <file>`;

export const pack: CliCommand = {
  name: 'pack',
  usage: USAGE,
  summary: 'write an audience pack (briefing) from a REFI-QDA project as HTML, DOCX, PDF or XLSX, with small counts suppressed',
  options: { audience: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' } },
  async run({ positionals, values }, io) {
    const [file, ...extra] = positionals;
    if (!file) throw new CliError(`missing <project.qdpx> (usage: ${USAGE})`, 2);
    if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}" (usage: ${USAGE})`, 2);
    const audience = values.audience;
    if (typeof audience !== 'string' || !(PACK_AUDIENCES as readonly string[]).includes(audience))
      throw new CliError(`${audience === undefined ? 'missing --audience' : `unknown --audience "${String(audience)}"`}; expected one of ${PACK_AUDIENCES.join(', ')}`, 2);
    const format = values.format;
    if (typeof format !== 'string' || !(PACK_FORMATS as readonly string[]).includes(format))
      throw new CliError(`${format === undefined ? 'missing --format' : `unknown --format "${String(format)}"`}; expected one of ${PACK_FORMATS.join(', ')}`, 2);
    const out = values.output;
    if (typeof out !== 'string' || out.trim() === '') throw new CliError(`missing -o <file> (usage: ${USAGE})`, 2);
    if (!out.toLowerCase().endsWith(`.${format}`)) throw new CliError(`${out}: a ${format} pack's file name must end in .${format}`, 2);

    const bytes = await readInput(file);
    let bundle;
    try {
      bundle = readQdpx(bytes, file);
    } catch (e) {
      if (e instanceof ExchangeError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    let doc;
    try {
      doc = makePack(bundle, audience as PackAudience);
    } catch (e) {
      if (e instanceof TemplateError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    await writeOutputAtomic(out, async () => {
      switch (format as PackFormat) {
        case 'html':
          return new TextEncoder().encode(packToHtml(doc, chartSvg));
        case 'docx':
          return packToDocx(doc, chartSvg);
        case 'pdf':
          return renderPdf(packToPdfDefinition(doc, chartSvg));
        case 'xlsx':
          return packToXlsx(doc);
      }
    });
    const charts = doc.blocks.filter((b) => b.kind === 'chart').length;
    const tables = doc.blocks.filter((b) => b.kind === 'table').length;
    const refused = doc.refusedQuotes.length ? `; ${doc.refusedQuotes.length} quote(s) left out (not confirmed or not safe to publish)` : '';
    const score = doc.audience === 'public' && doc.readability.readingAge !== null ? `; reading age about ${doc.readability.readingAge}` : '';
    io.out(`${out}: wrote the ${audience} pack (${charts} chart(s), ${tables} table(s)${refused}${score})\n`);
    return 0;
  },
};
