/**
 * Gather a PackInput from a project: the one adapter the app and the CLI share, so both build the
 * same pack from the same project.
 *
 * TO REPLACE when the findings branch lands: `localStrength` with shared/findings/strength.ts
 * `evidenceStrength(...)` and `localMethod` with shared/findings/method.ts `methodStatement(...)`.
 * Both are marked below and are the only local stand-ins.
 */
import { codeFrequencies, prepareIndex, subcategoryMatrix, triangulation, type AnalysisIndex } from '../analysis';
import { computeAgreement } from '../analysis/reliability';
import type { AttributeValue, Code, ProjectBundle } from '../model/entities';
import type { PackAnalysis, PackFindingInput, PackInput, PackQuoteInput, PackStrength } from './input';
import { countText } from './build';

const LIMITATIONS: readonly string[] = [
  'People chose to give feedback, so their views may not match those of every victim.',
  'Themes were identified by analysts reading and coding the text; another team could group them differently.',
  'Counts show how many people raised a theme, not how strongly they felt or how common the experience is.',
];

/** LOCAL STAND-IN for shared/findings/strength.ts evidenceStrength — replace when merged. */
export function localStrength(f: { participants: number; kinds: number; coders: number }, threshold: number): PackStrength {
  const reasons = [
    `${countText(f.participants, threshold)} ${f.participants === 1 ? 'participant' : 'participants'}`,
    `${f.kinds} ${f.kinds === 1 ? 'kind' : 'kinds'} of source`,
    f.coders >= 2 ? 'coded by two or more coders' : 'coded by one coder',
  ];
  const rating = f.participants >= 3 * Math.max(threshold, 1) && f.kinds >= 2 ? 'strong' : f.participants >= Math.max(threshold, 1) ? 'moderate' : 'limited';
  return { rating, reasons };
}

/** LOCAL STAND-IN for shared/findings/method.ts methodStatement — replace when merged. */
export function localMethod(b: ProjectBundle, threshold: number): string {
  const kinds = [...new Set(b.sources.map((s) => s.kind))];
  const coded = new Set(b.codings.map((c) => c.documentId)).size;
  return (
    `We used thematic analysis: ${b.coders.length === 1 ? 'one analyst' : `${b.coders.length} analysts`} read and coded ${countText(coded, threshold)} ${coded === 1 ? 'document' : 'documents'} from ${kinds.length === 1 ? `one kind of source (${kinds[0]})` : `${kinds.length} kinds of source (${kinds.join(', ')})`} against a shared codebook of ${b.codes.length} codes. ` +
    `Themes were counted by the people who raised them, and counts under ${threshold} are not published.`
  );
}

function descendants(codes: readonly Code[], ids: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of codes) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const k of children.get(id) ?? []) visit(k);
  };
  ids.forEach(visit);
  return out;
}

function minMax(dates: Array<string | undefined>): { from: string | null; to: string | null } {
  const ok = dates.filter((d): d is string => !!d).sort();
  return { from: ok[0] ?? null, to: ok.at(-1) ?? null };
}

/** Category attributes at participant level, by name — for the rare-combination check only. */
function categoryAttributes(b: ProjectBundle): (attrs: Record<string, AttributeValue>) => Record<string, AttributeValue> {
  const vars = b.variables.filter((v) => v.type === 'category' && (v.level ?? 'participant') === 'participant');
  return (attrs) => Object.fromEntries(vars.map((v) => [v.name, attrs[v.id] ?? null]));
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
  const docs = new Map(b.documents.map((d) => [d.id, d]));
  const sources = new Map(b.sources.map((s) => [s.id, s]));
  const participants = new Map(b.participants.map((p) => [p.id, p]));
  const attrsOf = categoryAttributes(b);
  const personOf = (docId: string) => docs.get(docId)?.participantId ?? `doc:${docId}`;

  const evidence = (codeIds: readonly string[]) => {
    const all = descendants(b.codes, codeIds);
    const persons = new Set<string>();
    const kinds = new Set<string>();
    const coders = new Set<string>();
    for (const c of b.codings) {
      if (!all.has(c.codeId)) continue;
      persons.add(personOf(c.documentId));
      const d = docs.get(c.documentId);
      if (d) kinds.add(sources.get(d.sourceId)?.kind ?? 'other');
      coders.add(c.coderId);
    }
    return { participants: persons.size, kinds: kinds.size, coders: coders.size };
  };

  const quoteInput = (id: string): PackQuoteInput | null => {
    const q = b.quotes?.find((x) => x.id === id);
    const d = q ? docs.get(q.documentId) : undefined;
    if (!q || !d) return null;
    const p = d.participantId ? participants.get(d.participantId) : undefined;
    return { id: q.id, text: d.text.slice(q.start, q.end).trim(), confirmed: !!q.confirmedBy, sourceKind: sources.get(d.sourceId)?.kind ?? 'other', attributes: attrsOf(p?.attributes ?? {}) };
  };

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
  let findings: PackFindingInput[] = [...b.findings]
    .sort((x, y) => x.order - y.order)
    .map((f) => {
      const e = evidence(f.codeIds);
      return {
        id: f.id,
        title: f.title,
        summary: f.summary,
        audiences: f.audiences,
        codeNames: f.codeIds.map((id) => b.codes.find((c) => c.id === id)?.name ?? '').filter(Boolean),
        participants: e.participants,
        strength: localStrength(e, N),
        quotes: f.quoteIds.map(quoteInput).filter((q): q is PackQuoteInput => q !== null),
        recommendations: recsOf(f.id),
      };
    });
  if (findings.length === 0)
    findings = [...themeRows]
      .sort((x, y) => (y.participants as number) - (x.participants as number))
      .slice(0, 5)
      .map((r) => {
        const e = evidence([String(r.codeId)]);
        return { id: `draft-${String(r.codeId)}`, title: String(r.code), summary: '', audiences: [], codeNames: [String(r.code)], participants: e.participants, strength: localStrength(e, N), quotes: [], recommendations: [], draft: true };
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
        statement: `${rep.coders.length} coders coded the same ${rep.documents} documents independently. Overall agreement ${f(a.percentAgreement, 1)}%, Cohen’s kappa ${f(a.kappa)}, Krippendorff’s alpha ${f(a.alpha)} (unit: response).`,
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
    method: localMethod(b, N),
    sources: sourceList,
    dates,
    totalParticipants: new Set(b.documents.map((d) => d.participantId ?? `doc:${d.id}`)).size,
    limitations: [...LIMITATIONS],
    findings,
    themes: themeRows.map((r) => ({ name: String(r.code), participants: r.participants as number, children: (children.get(String(r.codeId)) ?? []).map((c) => ({ name: String(c.code), participants: c.participants as number })) })),
    codebook: [...b.codes].sort((x, y) => x.order - y.order).map((c) => ({ path: freq.rows.find((r) => r.codeId === c.id)?.path as string ?? c.name, description: c.definition })),
    reliability,
    analyses: analysesOf(index, b),
    population: b.participants.map((p) => attrsOf(p.attributes)),
  };
}
