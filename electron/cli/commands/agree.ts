/**
 * `agree <project.qdpx> [--coders A,B,...] [--unit ...] [--absent uncoded|missing] [--assigned] [--consensus] [--json]`:
 * inter-coder agreement per code and overall.
 */
import { CliError, type CliCommand } from '../command';
import { readInput } from '../files';
import {
  ABSENT_CODER,
  AGREEMENT_UNITS,
  AgreementError,
  assignedDocuments,
  CONSENSUS_CODER,
  computeAgreement,
  withConsensus,
  type AbsentCoder,
  type AgreementOptions,
  type AgreementReport,
  type AgreementUnit,
} from '../../../shared/analysis/reliability';
import { ExchangeError } from '../../../shared/exchange/errors';
import { readQdpx } from '../../../shared/exchange/qdpx';
import type { ProjectBundle } from '../../../shared/model';

const USAGE = `agree <project.qdpx> [--coders A,B,...] [--unit ${AGREEMENT_UNITS.join('|')}] [--absent ${ABSENT_CODER.join('|')}] [--assigned] [--consensus] [--json]`;

/** Map each name (or GUID) given to --coders to a coder id, or fail naming it and listing the coders. */
export function resolveCoders(bundle: ProjectBundle, list: string, file: string): string[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const known = () => bundle.coders.map((c) => `"${c.name}"`).join(', ') || 'none';
  return names.map((name) => {
    const byId = bundle.coders.find((c) => c.id.toLowerCase() === name.toLowerCase());
    if (byId) return byId.id;
    let matches = bundle.coders.filter((c) => c.name === name);
    if (matches.length === 0) matches = bundle.coders.filter((c) => c.name.toLowerCase() === name.toLowerCase());
    if (matches.length === 1) return matches[0]!.id;
    if (matches.length > 1) throw new CliError(`${file}: coder name "${name}" is ambiguous (${matches.map((c) => c.id).join(', ')}); give the GUID instead`);
    throw new CliError(`${file}: no coder "${name}"; coders in this project: ${known()}`);
  });
}

const fmt = (v: number | null, digits: number) => (v === null ? '—' : v.toFixed(digits));

/** What silence meant, and how many documents each coder never touched, in one sentence. */
function silence(report: AgreementReport): string {
  const meaning = report.assigned
    ? 'Silence counts as "code absent" in documents assigned to a coder and as missing elsewhere.'
    : report.absent === 'uncoded'
      ? 'Silence counts as "not coded" in every document (as NVivo\'s coding comparison).'
      : 'Documents a coder never touched are left out for that coder (missing).';
  const untouched = report.coders.map((c) => `${c.name} ${report.untouched[c.id] ?? 0}`).join(', ');
  return `${meaning} Documents with no codings, of ${report.documents}: ${untouched}.`;
}

function table(report: AgreementReport): string {
  const rows = [
    ...report.codes.map((c) => [c.code, fmt(c.percentAgreement, 2), fmt(c.kappa, 3), fmt(c.alpha, 3), String(c.units)]),
    ['Overall', fmt(report.overall.percentAgreement, 2), fmt(report.overall.kappa, 3), fmt(report.overall.alpha, 3), String(report.overall.units)],
  ];
  const head = ['Code', 'Agreement %', report.coders.length === 2 ? "Cohen's kappa" : "Fleiss' kappa", 'Alpha', report.unit === 'character' ? 'Characters' : 'Units'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `Unit: ${report.unit}; coders: ${report.coders.map((c) => c.name).join(', ')}`,
    silence(report),
    line(head),
    ...rows.map(line),
    '— = not defined (no variation, or no units both coders coded).',
  ].join('\n');
}

export const agree: CliCommand = {
  name: 'agree',
  usage: USAGE,
  summary: "inter-coder agreement per code: percent agreement, kappa, Krippendorff's alpha",
  options: {
    coders: { type: 'string' },
    unit: { type: 'string' },
    absent: { type: 'string' },
    assigned: { type: 'boolean' },
    consensus: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    const [file, ...extra] = positionals;
    if (!file) throw new CliError(`missing <project.qdpx> (usage: ${USAGE})`, 2);
    if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}" (usage: ${USAGE})`, 2);
    const unit = (typeof values.unit === 'string' ? values.unit : 'character') as AgreementUnit;
    if (!AGREEMENT_UNITS.includes(unit)) throw new CliError(`--unit "${unit}" is not one of ${AGREEMENT_UNITS.join(', ')}`, 2);
    const assigned = values.assigned === true;
    const absent = (typeof values.absent === 'string' ? values.absent : assigned ? 'missing' : 'uncoded') as AbsentCoder;
    if (!ABSENT_CODER.includes(absent)) throw new CliError(`--absent "${absent}" is not one of ${ABSENT_CODER.join(', ')}`, 2);
    if (assigned && absent === 'uncoded') {
      throw new CliError('--assigned uses the coder assignments to decide where silence means "code absent"; it cannot be combined with --absent uncoded (which counts silence as "not coded" everywhere)', 2);
    }

    const bytes = await readInput(file);
    let bundle: ProjectBundle;
    try {
      bundle = readQdpx(bytes, file);
    } catch (e) {
      if (e instanceof ExchangeError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }

    const withCodings = new Set(bundle.codings.map((c) => c.coderId));
    let coderIds: string[] | undefined;
    if (typeof values.coders === 'string') {
      coderIds = [...new Set(resolveCoders(bundle, values.coders, file))];
      const idle = coderIds.filter((id) => !withCodings.has(id));
      if (coderIds.length - idle.length < 2) {
        const name = (id: string) => `"${bundle.coders.find((c) => c.id === id)?.name ?? id}"`;
        throw new CliError(
          `${file}: agreement needs at least two coders with codings; ${coderIds.length < 2 ? `only ${coderIds.length} coder given` : `${idle.map(name).join(', ')} ${idle.length > 1 ? 'have' : 'has'} no codings`}`,
        );
      }
    }

    let assignedTo: AgreementOptions['assignedTo'];
    if (assigned) {
      if ((bundle.assignments ?? []).length === 0) throw new CliError(`${file}: --assigned: this project has no coder assignments (assign sources or documents to coders in the Coders panel)`);
      assignedTo = assignedDocuments(bundle.documents, (bundle.assignments ?? []));
    }
    let report: AgreementReport;
    try {
      const opts: AgreementOptions = { unit, coderIds, absentCoder: absent, assignedTo };
      if (values.consensus) {
        const ids = coderIds ?? computeAgreement(bundle, opts).coders.map((c) => c.id);
        report = computeAgreement(withConsensus(bundle, { ...opts, coderIds: ids }), { ...opts, coderIds: [...ids, CONSENSUS_CODER.id] });
      } else report = computeAgreement(bundle, opts);
    } catch (e) {
      if (e instanceof AgreementError) {
        const found = bundle.coders.map((c) => `"${c.name}"`).join(', ') || 'none';
        throw new CliError(`${file}: ${e.message}; coders in this project: ${found}`);
      }
      throw e;
    }

    if (values.json) {
      const json = {
        unit: report.unit,
        absent: report.absent,
        assigned: report.assigned,
        documents: report.documents,
        untouched: report.untouched,
        decisions: (bundle.decisions ?? []).length,
        coders: report.coders,
        overall: report.overall,
        codes: report.codes.map((c) => ({ code: c.code, codeId: c.codeId, percentAgreement: c.percentAgreement, kappa: c.kappa, alpha: c.alpha, units: c.units })),
      };
      io.out(JSON.stringify(json) + '\n');
      return 0;
    }
    io.out(table(report) + '\n');
    return 0;
  },
};
