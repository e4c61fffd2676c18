/**
 * Consensus: the agreed version of the coding, kept apart from every coder's own codings so that
 * reliability stays measurable after disagreements are resolved.
 *
 * The consensus coding of a code in a document is the text every coder present there applied it
 * to, plus the spans a consensus decision applied it to, minus the spans a decision removed it
 * from (decisions in the order they were made, so a later decision overrides an earlier one).
 * Unresolved disagreements are therefore left out of the consensus until someone decides them.
 * In analyses the consensus appears as one more coder, "Consensus" (`withConsensus`), so it can be
 * compared with each coder or analysed on its own, and it is never attributed to a real coder.
 */
import type { Coder, Coding, ConsensusDecision, ProjectBundle } from '../../model';
import { prepare, type AgreementOptions } from './prepare';
import { CharacterSweep } from './sweep';

/** The pseudo-coder that holds the consensus in analyses (never stored). */
export const CONSENSUS_CODER: Omit<Coder, 'projectId'> = { id: 'c0c0c0c0-0000-4000-8000-000000000000', name: 'Consensus', initials: 'CON', colour: '#000000' };

type Span = [number, number];

/** Merge overlapping or touching spans (sorted result). */
function normalise(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function subtract(spans: Span[], [s, e]: Span): Span[] {
  const out: Span[] = [];
  for (const [a, b] of spans) {
    if (b <= s || a >= e) out.push([a, b]);
    else {
      if (a < s) out.push([a, s]);
      if (b > e) out.push([e, b]);
    }
  }
  return out;
}

/** The decision on exactly this span of this code in this document (the latest, if several), or undefined. */
export function decisionFor(
  d: { documentId: string; codeId: string; start: number; end: number },
  decisions: readonly ConsensusDecision[],
): ConsensusDecision | undefined {
  let found: ConsensusDecision | undefined;
  for (const x of decisions) {
    if (x.documentId !== d.documentId || x.codeId !== d.codeId || x.start !== d.start || x.end !== d.end) continue;
    if (!found || x.at >= found.at) found = x;
  }
  return found;
}

/**
 * The consensus codings for the compared coders (`opts` as for agreement; the unit is ignored: spans
 * are compared by character), under CONSENSUS_CODER's id.
 */
export function consensusCodings(bundle: ProjectBundle, opts: Omit<AgreementOptions, 'unit'>): Coding[] {
  const p = prepare(bundle, { ...opts, unit: 'character' });
  const sweep = new CharacterSweep(p);
  const spans = new Map<string, Span[]>();
  const key = (d: number, c: number) => `${d}:${c}`;
  for (let g = 0; g < p.groupDoc.length; g++) {
    const d = p.groupDoc[g]!;
    const m = p.presentCount[d]!;
    const ns = sweep.run(g);
    for (let i = 0; i < ns; i++) {
      if (sweep.segK[i]! < m) continue;
      const k = key(d, p.groupCode[g]!);
      let list = spans.get(k);
      if (!list) spans.set(k, (list = []));
      list.push([sweep.segStart[i]!, sweep.segEnd[i]!]);
    }
  }
  const docIndex = new Map(p.docs.map((d, i) => [d.id, i]));
  const codeIndex = new Map(p.codes.map((c, i) => [c.id, i]));
  const decisions = [...(bundle.decisions ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const x of decisions) {
    const d = docIndex.get(x.documentId);
    const c = codeIndex.get(x.codeId);
    if (d === undefined || c === undefined) continue;
    const span: Span = [Math.max(0, x.start), Math.min(p.docLength[d]!, x.end)];
    if (span[1] <= span[0]) continue;
    const k = key(d, c);
    const list = normalise(spans.get(k) ?? []);
    spans.set(k, x.decision === 'apply' ? normalise([...list, span]) : subtract(list, span));
  }
  const out: Coding[] = [];
  const at = decisions[decisions.length - 1]?.at ?? bundle.project.updatedAt;
  for (const [k, list] of [...spans].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [d, c] = k.split(':').map(Number) as [number, number];
    for (const [start, end] of normalise(list)) {
      out.push({
        id: `${CONSENSUS_CODER.id}:${p.docs[d]!.id}:${p.codes[c]!.id}:${start}`,
        projectId: bundle.project.id,
        documentId: p.docs[d]!.id,
        codeId: p.codes[c]!.id,
        coderId: CONSENSUS_CODER.id,
        start,
        end,
        createdAt: at,
      });
    }
  }
  return out;
}

/** The bundle with the "Consensus" pseudo-coder and its codings added, for analyses and comparisons. */
export function withConsensus(bundle: ProjectBundle, opts: Omit<AgreementOptions, 'unit'>): ProjectBundle {
  const codings = consensusCodings(bundle, opts);
  return {
    ...bundle,
    coders: [...bundle.coders, { ...CONSENSUS_CODER, projectId: bundle.project.id }],
    codings: [...bundle.codings, ...codings],
  };
}
