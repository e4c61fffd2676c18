/** `analyse <project.qdpx> --kind K [--attr NAME] [--unit U] [--period month|quarter] [--publish] [--json]`. */
import { CliError, type CliCommand } from '../command';
import { readInput } from '../files';
import {
  ANALYSIS_KINDS,
  AnalysisInputError,
  attributeNames,
  changeOverTime,
  codeFrequencies,
  cooccurrence,
  COOCCURRENCE_UNITS,
  forPublication,
  prepareIndex,
  saturation,
  sentimentTable,
  subcategoryMatrix,
  triangulation,
  wordTable,
  type AnalysisIndex,
  type AnalysisKind,
  type AnalysisTable,
  type CooccurrenceUnit,
} from '../../../shared/analysis';
import { ExchangeError } from '../../../shared/exchange/errors';
import { toTsvLines } from '../../../shared/export/table';
import { readQdpx } from '../../../shared/exchange/qdpx';

const USAGE = `analyse <project.qdpx> --kind ${ANALYSIS_KINDS.join('|')} [--attr NAME] [--unit ${COOCCURRENCE_UNITS.join('|')}] [--period month|quarter] [--stem] [--publish] [--json]`;

function needAttr(index: AnalysisIndex, file: string, kind: string, attr: string | undefined): string {
  if (!attr) throw new CliError(`${file}: --kind ${kind} needs --attr NAME; available attributes: ${attributeNames(index).join(', ')}`);
  return attr;
}

function run(index: AnalysisIndex, file: string, kind: AnalysisKind, v: Record<string, unknown>): AnalysisTable {
  const attr = typeof v.attr === 'string' ? v.attr : undefined;
  switch (kind) {
    case 'frequencies':
      return codeFrequencies(index);
    case 'matrix':
      return subcategoryMatrix(index, { attribute: needAttr(index, file, kind, attr) });
    case 'cooccurrence': {
      const unit = (v.unit ?? 'response') as CooccurrenceUnit;
      if (!COOCCURRENCE_UNITS.includes(unit)) throw new CliError(`unknown --unit "${String(unit)}"; expected ${COOCCURRENCE_UNITS.join(', ')}`, 2);
      return cooccurrence(index, { unit });
    }
    case 'triangulation':
      return triangulation(index);
    case 'words':
      return wordTable(index, { stem: v.stem === true });
    case 'sentiment':
      return sentimentTable(index, { attribute: attr, stem: v.stem === true });
    case 'time': {
      const period = v.period ?? 'month';
      if (period !== 'month' && period !== 'quarter') throw new CliError(`unknown --period "${String(period)}"; expected month or quarter`, 2);
      return changeOverTime(index, { attribute: needAttr(index, file, kind, attr), period });
    }
    case 'saturation':
      return saturation(index);
  }
}

export const analyse: CliCommand = {
  name: 'analyse',
  usage: USAGE,
  summary: 'run one analysis on a REFI-QDA project and print its table (tab-separated, or one JSON object with --json)',
  options: {
    kind: { type: 'string' },
    attr: { type: 'string' },
    unit: { type: 'string' },
    period: { type: 'string' },
    stem: { type: 'boolean' },
    publish: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    const [file, ...extra] = positionals;
    if (!file) throw new CliError(`missing <project.qdpx> (usage: ${USAGE})`, 2);
    if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}" (usage: ${USAGE})`, 2);
    const kind = values.kind;
    if (typeof kind !== 'string' || !(ANALYSIS_KINDS as readonly string[]).includes(kind))
      throw new CliError(`${kind === undefined ? 'missing --kind' : `unknown --kind "${String(kind)}"`}; expected one of ${ANALYSIS_KINDS.join(', ')}`, 2);
    const bytes = await readInput(file);
    let bundle;
    try {
      bundle = readQdpx(bytes, file);
    } catch (e) {
      if (e instanceof ExchangeError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    const index = prepareIndex(bundle);
    let table: AnalysisTable;
    try {
      table = run(index, file, kind as AnalysisKind, values);
    } catch (e) {
      if (e instanceof AnalysisInputError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    if (values.publish) table = forPublication(table, bundle.project.settings.disclosureThreshold);
    if (values.json) {
      io.out(JSON.stringify({ ...table, kind }) + '\n');
      return 0;
    }
    const lines = [
      `${table.title} — ${file}`,
      ...toTsvLines(table),
      '',
      `What this shows: ${table.notes.shows}`,
      `Limits: ${table.notes.limits}`,
      ...table.warnings.map((w) => `Warning: ${w}`),
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
