/**
 * What the suggestions worker computes, as pure functions over a loaded corpus: training units
 * from the project's survey responses and their codings, cross-validated quality per code, and
 * suggestions for responses. Nothing leaves the machine.
 */
import { crossValidate, trainSuggester, type CodeQuality, type TrainingUnit } from '../../shared/coding/suggest';
import type { Code, Coding, DocumentWithText } from '../../shared/model';
import { snippet } from '../../shared/coding/snippet';
import { eachCoding, type Codings } from '../../shared/coding/coding-index';

export interface SuggestCorpus {
  documents: DocumentWithText[];
  codes: Code[];
  /** A list, or (in the worker) the project's codings as columns. */
  codings: Codings;
}

export interface SuggestOptions {
  /** Whose codings teach the model: the current coder's, or everyone's. */
  labels: 'current' | 'all';
  coderId: string;
  /** Themes (top-level codes; codings on subcodes count for their theme) or every code. */
  level: 'themes' | 'codes';
  /** Suggest for responses nobody (of the chosen coders) has coded, or for every response (codes it lacks). */
  target: 'uncoded' | 'all';
  minConfidence: number;
  folds?: number;
  minSupport?: number;
}

export interface SuggestionRow {
  documentId: string;
  title: string;
  snippet: string;
  codeId: string;
  confidence: number;
  /** The whole response: what accepting codes. */
  length: number;
}

export interface SuggestReport {
  quality: CodeQuality[];
  suggestions: SuggestionRow[];
  /** Coded responses the model learned from. */
  trained: number;
  /** Responses the suggestions were made for. */
  candidates: number;
}

/** Each code's top-level ancestor (itself for a theme); cycles stop at the code itself. */
export function themeOf(codes: readonly Code[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const c of codes) {
    let cur = c;
    const seen = new Set<string>([c.id]);
    while (cur.parentId && byId.has(cur.parentId) && !seen.has(cur.parentId)) {
      cur = byId.get(cur.parentId)!;
      seen.add(cur.id);
    }
    out.set(c.id, cur.id);
  }
  return out;
}

/** Training units (coded responses) and the responses to suggest for. */
export function buildUnits(corpus: SuggestCorpus, o: Pick<SuggestOptions, 'labels' | 'coderId' | 'level' | 'target'>) {
  const responses = corpus.documents.filter((d) => d.kind === 'response' && d.text.trim().length > 0);
  const theme = themeOf(corpus.codes);
  const label = (codeId: string) => (o.level === 'themes' ? theme.get(codeId) : theme.has(codeId) ? codeId : undefined);
  const labels = new Map<string, Set<string>>();
  eachCoding(corpus.codings, (documentId, codeId, coderId) => {
    if (o.labels === 'current' && coderId !== o.coderId) return;
    const l = label(codeId);
    if (l === undefined) return;
    (labels.get(documentId) ?? labels.set(documentId, new Set()).get(documentId)!).add(l);
  });
  const training: TrainingUnit[] = responses.filter((d) => labels.has(d.id)).map((d) => ({ id: d.id, text: d.text, codeIds: [...labels.get(d.id)!] }));
  const candidates = o.target === 'uncoded' ? responses.filter((d) => !labels.has(d.id)) : responses;
  return { training, candidates, labels };
}

/** Train, cross-validate and suggest. Suggestions are sorted by confidence, highest first. */
export function runSuggest(corpus: SuggestCorpus, o: SuggestOptions): SuggestReport {
  const { training, candidates, labels } = buildUnits(corpus, o);
  const minSupport = o.minSupport ?? 3;
  const quality = training.length >= 2 ? crossValidate(training, o.folds ?? 5, minSupport) : [];
  const model = trainSuggester(training, minSupport);
  const suggestions: SuggestionRow[] = [];
  for (const d of candidates) {
    const have = labels.get(d.id);
    for (const s of model.suggest(d.text, d.id, o.minConfidence)) {
      if (have?.has(s.codeId)) continue;
      suggestions.push({ documentId: d.id, title: d.title, snippet: snippet(d.text, 160), codeId: s.codeId, confidence: s.confidence, length: d.text.length });
    }
  }
  suggestions.sort((a, b) => b.confidence - a.confidence || a.title.localeCompare(b.title));
  return { quality, suggestions, trained: training.length, candidates: candidates.length };
}
