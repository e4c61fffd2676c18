/**
 * Gather a PackInput from a project: the one adapter the app and the CLI share, so both build the
 * same pack from the same project. Strength of evidence, the method statement and "you said, we
 * did" come from the same pure functions the Findings workspace shows (shared/findings), with every
 * count of people, documents and segments under the disclosure threshold reading "fewer than N".
 */
import { codeFrequencies, prepareIndex, subcategoryMatrix, triangulation, type AnalysisIndex } from '../analysis';
import { computeAgreement } from '../analysis/reliability';
import { evidenceStrength } from '../findings/strength';
import { methodStatement, projectFigures } from '../findings/method';
import { youSaidWeDid } from '../findings/you-said-we-did';
import type { ProjectBundle } from '../model/entities';
import type { PackAnalysis, PackFindingInput, PackInput, PackQuoteInput } from './input';
import { formatCount } from '../privacy/suppress';
import { publishedAttributes, speakerPopulation } from './quote-safety';

const LIMITATIONS: readonly string[] = [
  'People chose to give feedback, so their views may not match those of every victim.',
  'Themes were identified by analysts reading and coding the text; another team could group them differently.',
  'Counts show how many people raised a theme, not how strongly they felt or how common the experience is.',
];

function minMax(dates: Array<string | undefined>): { from: string | null; to: string | null } {
  const ok = dates.filter((d): d is string => !!d).sort();
  return { from: ok[0] ?? null, to: ok.at(-1) ?? null };
}

function analysesOf(index: AnalysisIndex, b: ProjectBundle): PackAnalysis[] {
  const out: PackAnalysis[] = [{ table: codeFrequencies(index), chart: 'frequency' }];
  if (new Set(b.sources.map((s) => s.kind)).size >= 1 && b.sources.length > 0) out.push({ table: triangulation(index), chart: 'triangulation' });
  const cats = b.variables.filter((v) => v.type === 'category' && (v.level ?? 'participant') === 'participant');
  for (const v of cats.slice(0, 3)) {
    try {
      out.push({ table: subcategoryMatrix(index, { attribute: v.name }), chart: 'matrix' });
    } catch {
      /* an attribute with no values in scope has no matrix */
    }
  }
  return out;
}

export function gatherPackInput(b: ProjectBundle, opts: { now?: Date } = {}): PackInput {
  const N = b.project.settings.disclosureThreshold;
  const index = prepareIndex(b);
  const figures = projectFigures(b, index);
  const docs = new Map(b.documents.map((d) => [d.id, d]));
  const sources = new Map(b.sources.map((s) => [s.id, s]));
  // published, "single source" (one participant) reads as "limited": a count of one is never printed
  const strength = (codeIds: readonly string[]) => {
    const e = evidenceStrength(b, { codeIds: [...codeIds] }, { threshold: N });
    return { participants: e.participants, strength: { rating: e.rating === 'single-source' && N > 1 ? ('limited' as const) : e.rating, reasons: e.reasons } };
  };

  const quoteInput = (id: string): PackQuoteInput | null => {
    const q = b.quotes?.find((x) => x.id === id);
    const d = q ? docs.get(q.documentId) : undefined;
    if (!q || !d) return null;
    const sourceKind = sources.get(d.sourceId)?.kind ?? 'other';
    return { id: q.id, text: d.text.slice(q.start, q.end).trim(), confirmed: !!q.confirmedBy, sourceKind, attributes: publishedAttributes(sourceKind) };
  };

  const byOrder = [...b.findings].sort((x, y) => x.order - y.order || x.createdAt.localeCompare(y.createdAt));
  const weDid = new Map(youSaidWeDid(byOrder, b.recommendations ?? [], b.actions).map((y) => [y.findingId, y.did]));
  const recsOf = (findingId: string) => {
    const recs = (b.recommendations ?? []).filter((r) => r.findingId === findingId).sort((x, y) => x.order - y.order);
    const acts = b.actions.filter((a) => a.findingId === findingId);
    const toAction = (a: (typeof acts)[number]) => ({ what: a.recommendation, owner: a.owner, status: a.status, due: a.due, outcome: a.outcome, notActionedReason: a.notActionedReason });
    const out = recs.map((r) => ({ text: r.text, actions: acts.filter((a) => a.recommendationId === r.id).map(toAction) }));
    const loose = acts.filter((a) => !a.recommendationId || !recs.some((r) => r.id === a.recommendationId));
    if (loose.length > 0) out.push({ text: loose.map((a) => a.recommendation).join('; '), actions: loose.map(toAction) });
    return out;
  };

  const freq = codeFrequencies(index);
  const themeRows = freq.rows.filter((r) => r.level === 0);
  let findings: PackFindingInput[] = byOrder
    .map((f) => {
      const e = strength(f.codeIds);
      return {
        id: f.id,
        title: f.title,
        summary: f.summary,
        audiences: f.audiences,
        codeNames: f.codeIds.map((id) => b.codes.find((c) => c.id === id)?.name ?? '').filter(Boolean),
        participants: e.participants,
        strength: e.strength,
        quotes: f.quoteIds.map(quoteInput).filter((q): q is PackQuoteInput => q !== null),
        recommendations: recsOf(f.id),
        weDid: weDid.get(f.id) ?? [],
      };
    });
  if (findings.length === 0)
    findings = [...themeRows]
      .sort((x, y) => (y.participants as number) - (x.participants as number))
      .slice(0, 5)
      .map((r) => {
        const e = strength([String(r.codeId)]);
        return { id: `draft-${String(r.codeId)}`, title: String(r.code), summary: '', audiences: [], codeNames: [String(r.code)], participants: e.participants, strength: e.strength, quotes: [], recommendations: [], weDid: [], draft: true };
      });

  const children = new Map<string, typeof freq.rows>();
  for (const r of freq.rows) if (r.level === 1) {
    const parent = b.codes.find((c) => c.id === r.codeId)?.parentId ?? '';
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }

  let reliability: PackInput['reliability'] = null;
  if (b.coders.length >= 2 && b.codings.length > 0) {
    try {
      const rep = computeAgreement(b, { unit: 'response' });
      const a = rep.overall;
      const f = (x: number | null, d = 2) => (x === null ? 'not computable' : x.toFixed(d));
      reliability = {
        statement: `${rep.coders.length} coders coded the same ${formatCount(rep.documents, N)} documents independently. Overall agreement ${f(a.percentAgreement, 1)}%, Cohen’s kappa ${f(a.kappa)}, Krippendorff’s alpha ${f(a.alpha)} (unit: response).`,
        table: null,
      };
    } catch {
      reliability = null;
    }
  }

  const sourceList = b.sources.map((s) => {
    const ds = b.documents.filter((d) => d.sourceId === s.id);
    return { name: s.name, kind: s.kind, documents: ds.length, participants: new Set(ds.map((d) => d.participantId ?? `doc:${d.id}`)).size };
  });
  const srcDates = minMax(b.sources.flatMap((s) => [s.collectedFrom, s.collectedTo]));
  const dates = srcDates.from ? srcDates : minMax(b.documents.map((d) => d.createdAt));

  return {
    project: { name: b.project.name, disclosureThreshold: N },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    method: methodStatement(figures, { threshold: N }),
    methodBrief: methodStatement(figures, { threshold: N, sentences: 2 }),
    coders: figures.coders,
    sources: sourceList,
    dates,
    totalParticipants: figures.participants,
    limitations: [...LIMITATIONS],
    findings,
    themes: themeRows.map((r) => ({ name: String(r.code), participants: r.participants as number, children: (children.get(String(r.codeId)) ?? []).map((c) => ({ name: String(c.code), participants: c.participants as number })) })),
    codebook: [...b.codes].sort((x, y) => x.order - y.order).map((c) => ({ path: freq.rows.find((r) => r.codeId === c.id)?.path as string ?? c.name, description: c.definition })),
    reliability,
    analyses: analysesOf(index, b),
    population: speakerPopulation(b),
  };
}
