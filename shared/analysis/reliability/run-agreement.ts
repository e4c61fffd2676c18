/**
 * The Agreement workspace's computation (run in the analysis worker): agreement statistics, the
 * disagreements with their text and any consensus decision on them, and the results as a table.
 */
import {
  assignedDocuments,
  computeAgreement,
  CONSENSUS_CODER,
  decisionFor,
  listDisagreements,
  withConsensus,
  type AbsentCoder,
  type AgreementOptions,
  type AgreementReport,
  type AgreementUnit,
  type Disagreement,
} from './index';
import type { AnalysisTable } from '../index';
import type { ConsensusDecision, ProjectBundle } from '../../model';

export interface AgreementRequest {
  coderIds: string[];
  /** Documents of these sources only; null = every document. */
  sourceIds: string[] | null;
  /** These codes only; null = every code. */
  codeIds: string[] | null;
  unit: AgreementUnit;
  /** What a coder's silence in a whole document means (default 'uncoded', as NVivo). */
  absent?: AbsentCoder;
  /** Use the coder assignments: silence is "code absent" in assigned documents, missing elsewhere. */
  assigned?: boolean;
  /** Add the "Consensus" pseudo-coder (agreed codings plus decisions) to the comparison. */
  consensus?: boolean;
}

export interface ShownDisagreement extends Disagreement {
  key: string;
  document: string;
  /** The disputed text (shortened). */
  snippet: string;
  /** The consensus decision on exactly this span, if one was made. */
  decision: ConsensusDecision | null;
}

export interface AgreementResult {
  report: AgreementReport;
  disagreements: ShownDisagreement[];
  /** All disagreements (the list shows at most `limit`). */
  totalDisagreements: number;
  /** How many of them have a consensus decision. */
  resolved: number;
}

/** Plain-English reading of a kappa (Landis & Koch 1977) or alpha (Krippendorff 2004) value. */
export interface Band {
  label: string;
  /** What it means for the coding. */
  meaning: string;
}

export function kappaBand(k: number | null): Band | null {
  if (k === null || !Number.isFinite(k)) return null;
  if (k < 0) return { label: 'poor', meaning: 'Worse than chance: the coders apply this code in different ways.' };
  if (k < 0.2) return { label: 'slight', meaning: 'Little better than chance: agree the code definition together before relying on it.' };
  if (k < 0.4) return { label: 'fair', meaning: 'The coders often disagree: revisit the definition and examples.' };
  if (k < 0.6) return { label: 'moderate', meaning: 'Some agreement, but the definition needs sharpening.' };
  if (k < 0.8) return { label: 'substantial', meaning: 'Good agreement for most purposes.' };
  return { label: 'almost perfect', meaning: 'The coders apply this code very consistently.' };
}

export function alphaBand(a: number | null): Band | null {
  if (a === null || !Number.isFinite(a)) return null;
  if (a < 0.667) return { label: 'below 0.667: unreliable', meaning: 'Krippendorff advises against drawing conclusions from these codes.' };
  if (a < 0.8) return { label: '0.667–0.8: tentative', meaning: 'Acceptable only for tentative conclusions.' };
  return { label: '0.8 or above: reliable', meaning: 'Reliable enough to draw conclusions.' };
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

export function runAgreement(bundle: ProjectBundle, req: AgreementRequest, limit = 200): AgreementResult {
  if (req.coderIds.length < 2) throw new Error('Choose at least two coders to compare.');
  const sources = req.sourceIds ? new Set(req.sourceIds) : null;
  const documentIds = sources ? bundle.documents.filter((d) => sources.has(d.sourceId)).map((d) => d.id) : undefined;
  if (documentIds && documentIds.length === 0) throw new Error('The chosen sources have no documents.');
  if (req.codeIds && req.codeIds.length === 0) throw new Error('Choose at least one code, or all codes.');
  if (req.assigned && (bundle.assignments ?? []).length === 0) throw new Error('No documents are assigned to coders yet: assign them in the Coders panel, or count silence as “not coded”.');
  const opts: AgreementOptions = {
    unit: req.unit,
    coderIds: req.coderIds,
    documentIds,
    codeIds: req.codeIds ?? undefined,
    absentCoder: req.assigned ? 'missing' : (req.absent ?? 'uncoded'),
    assignedTo: req.assigned ? assignedDocuments(bundle.documents, (bundle.assignments ?? [])) : undefined,
  };
  const report = req.consensus
    ? computeAgreement(withConsensus(bundle, opts), { ...opts, coderIds: [...req.coderIds, CONSENSUS_CODER.id] })
    : computeAgreement(bundle, opts);
  const all = listDisagreements(bundle, opts);
  const docs = new Map(bundle.documents.map((d) => [d.id, d]));
  const disagreements = all.slice(0, limit).map((d): ShownDisagreement => {
    const doc = docs.get(d.documentId);
    return {
      ...d,
      key: `${d.codeId}:${d.documentId}:${d.start}:${d.end}`,
      document: doc?.title ?? d.documentId,
      snippet: shorten(doc?.text.slice(d.start, d.end) ?? '', 240),
      decision: decisionFor(d, (bundle.decisions ?? [])) ?? null,
    };
  });
  const resolved = all.reduce((n, d) => n + (decisionFor(d, (bundle.decisions ?? [])) ? 1 : 0), 0);
  return { report, disagreements, totalDisagreements: all.length, resolved };
}

/** The per-code results as a table, for the grid and for CSV/XLSX export. */
export function agreementTable(report: AgreementReport): AnalysisTable {
  const kappaName = report.coders.length === 2 ? "Cohen's kappa" : "Fleiss' kappa";
  const row = (code: string, s: { percentAgreement: number | null; kappa: number | null; alpha: number | null; units: number }) => ({
    code,
    percentAgreement: s.percentAgreement === null ? null : Math.round(s.percentAgreement * 100) / 100,
    kappa: s.kappa === null ? null : Math.round(s.kappa * 1000) / 1000,
    kappaBand: kappaBand(s.kappa)?.label ?? 'not defined',
    alpha: s.alpha === null ? null : Math.round(s.alpha * 1000) / 1000,
    alphaBand: alphaBand(s.alpha)?.label ?? 'not defined',
    units: s.units,
  });
  return {
    // The analysis kinds have no "agreement"; the table is only rendered and exported, never charted by kind.
    kind: 'frequencies',
    title: `Inter-coder agreement by ${report.unit}: ${report.coders.map((c) => c.name).join(', ')}`,
    columns: [
      { key: 'code', label: 'Code', type: 'text' },
      { key: 'percentAgreement', label: 'Agreement %', type: 'number' },
      { key: 'kappa', label: kappaName, type: 'number' },
      { key: 'kappaBand', label: `${kappaName}: reading (Landis & Koch)`, type: 'text' },
      { key: 'alpha', label: "Krippendorff's alpha", type: 'number' },
      { key: 'alphaBand', label: 'Alpha: reading (Krippendorff)', type: 'text' },
      { key: 'units', label: report.unit === 'character' ? 'Characters compared' : 'Units compared', type: 'number' },
    ],
    rows: [row('Overall', report.overall), ...report.codes.map((c) => row(c.code, c))],
    notes: {
      shows: `How far the coders agree on applying each code, per ${report.unit}: percent agreement, ${kappaName} (chance-corrected) and Krippendorff's alpha (chance-corrected, allows missing data).`,
      limits:
        report.unit === 'character'
          ? 'At character level every character of each document counts, coded or not, so long uncoded stretches raise percent agreement; kappa and alpha correct for chance. A code nobody applied has no variation, so its kappa and alpha are not defined.'
          : 'Each unit counts once however long it is. A code nobody applied has no variation, so its kappa and alpha are not defined.',
    },
    warnings: [],
  };
}
