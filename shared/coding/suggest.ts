/**
 * Offline code suggestions. A classifier trained locally on the project's own codings suggests
 * codes for uncoded responses, with a confidence; cross-validation on the same data tells the user
 * how far to trust it (precision and recall per code). Nothing leaves the machine.
 *
 * Model: each unit (a response, or a coded segment of a transcript) is a tf-idf vector of
 * stemmed words without stop words, L2-normalised. Each code has a centroid of its positive
 * units (Rocchio); a unit's score for a code is the cosine similarity to that centroid. Each
 * code's threshold is chosen on the training data to maximise F1, so rare codes are not drowned.
 */
import { stem } from '../analysis/text';
import { ENGLISH_STOP_WORDS } from '../analysis/stopwords';

type Vec = Map<string, number>;

export interface TrainingUnit {
  id: string;
  text: string;
  /** Codes applied to this unit (empty = coded with nothing the model knows: a negative for all). */
  codeIds: string[];
}

export interface Suggestion {
  unitId: string;
  codeId: string;
  /** 0..1: the unit's similarity relative to the code's threshold, capped at 1. */
  confidence: number;
}

export interface CodeQuality {
  codeId: string;
  /** Units with this code in the training data. */
  support: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

const WORD = /[\p{L}]+(?:['’][\p{L}]+)*/gu;
const stop = new Set<string>(ENGLISH_STOP_WORDS);

function terms(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    const w = m[0].replace(/’/g, "'");
    if (w.length < 3 || stop.has(w)) continue;
    const s = stem(w);
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

function normalise(v: Vec): Vec {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (const [k, x] of v) v.set(k, x / n);
  return v;
}

function dot(a: Vec, b: Vec): number {
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, x] of small) {
    const y = big.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

export interface SuggestionModel {
  codeIds: string[];
  suggest(text: string, unitId: string, minConfidence?: number): Suggestion[];
  score(text: string): Map<string, number>;
}

/** Train on units; codes with fewer than `minSupport` positive units are left out. */
export function trainSuggester(units: readonly TrainingUnit[], minSupport = 3): SuggestionModel {
  const tf = units.map((u) => terms(u.text));
  const df = new Map<string, number>();
  for (const t of tf) for (const k of t.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const N = units.length;
  const idf = (k: string) => Math.log((N + 1) / ((df.get(k) ?? 0) + 1)) + 1;
  const vectorise = (t: Map<string, number>): Vec => {
    const v: Vec = new Map();
    for (const [k, c] of t) v.set(k, (1 + Math.log(c)) * idf(k));
    return normalise(v);
  };
  const vecs = tf.map(vectorise);
  const support = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const c of new Set(u.codeIds)) (support.get(c) ?? support.set(c, []).get(c)!).push(i);
  });
  const centroids = new Map<string, Vec>();
  const thresholds = new Map<string, number>();
  for (const [code, idx] of support) {
    if (idx.length < minSupport) continue;
    const sum: Vec = new Map();
    for (const i of idx) for (const [k, x] of vecs[i]!) sum.set(k, (sum.get(k) ?? 0) + x);
    let sumSq = 0;
    for (const x of sum.values()) sumSq += x * x;
    const c = normalise(new Map(sum));
    centroids.set(code, c);
    // Threshold maximising F1, scoring each positive unit against the centroid WITHOUT itself
    // (leave-one-out), so the threshold is not set by units scoring high against their own copy.
    const positive = new Set(idx);
    const scored = vecs
      .map((v, i) => {
        if (!positive.has(i)) return { s: dot(v, c), pos: false };
        const d = dot(v, sum);
        const rest = sumSq - 2 * d + 1;
        return { s: rest > 1e-12 ? (d - 1) / Math.sqrt(rest) : 0, pos: true };
      })
      .sort((a, b) => b.s - a.s);
    let tp = 0;
    let best = { f1: -1, t: 1 };
    for (let i = 0; i < scored.length; i++) {
      if (scored[i]!.pos) tp++;
      const f1 = (2 * tp) / (i + 1 + idx.length);
      if (f1 > best.f1 && (i + 1 === scored.length || scored[i + 1]!.s < scored[i]!.s)) best = { f1, t: scored[i]!.s };
    }
    thresholds.set(code, Math.max(best.t, 1e-6));
  }
  const score = (text: string) => {
    const v = vectorise(terms(text));
    const out = new Map<string, number>();
    for (const [code, c] of centroids) out.set(code, dot(v, c));
    return out;
  };
  return {
    codeIds: [...centroids.keys()],
    score,
    suggest(text, unitId, minConfidence = 0.5) {
      const out: Suggestion[] = [];
      for (const [code, s] of score(text)) {
        const t = thresholds.get(code)!;
        if (s < t) continue;
        const confidence = Math.min(1, 0.5 + 0.5 * ((s - t) / Math.max(1e-9, 1 - t)));
        if (confidence >= minConfidence) out.push({ unitId, codeId: code, confidence });
      }
      return out.sort((a, b) => b.confidence - a.confidence);
    },
  };
}

/**
 * k-fold cross-validated precision and recall per code on the user's own coded units, so the app
 * can say how far to trust suggestions. Folds are assigned deterministically (unit order).
 */
export function crossValidate(units: readonly TrainingUnit[], k = 5, minSupport = 3): CodeQuality[] {
  const codes = new Map<string, number>();
  for (const u of units) for (const c of new Set(u.codeIds)) codes.set(c, (codes.get(c) ?? 0) + 1);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const c of codes.keys()) counts.set(c, { tp: 0, fp: 0, fn: 0 });
  const folds = Math.max(2, Math.min(k, units.length));
  for (let f = 0; f < folds; f++) {
    const train = units.filter((_, i) => i % folds !== f);
    const test = units.filter((_, i) => i % folds === f);
    const model = trainSuggester(train, minSupport);
    for (const u of test) {
      const predicted = new Set(model.suggest(u.text, u.id, 0).map((s) => s.codeId));
      const actual = new Set(u.codeIds);
      for (const c of codes.keys()) {
        const n = counts.get(c)!;
        if (predicted.has(c) && actual.has(c)) n.tp++;
        else if (predicted.has(c)) n.fp++;
        else if (actual.has(c)) n.fn++;
      }
    }
  }
  return [...codes].map(([codeId, support]) => {
    const { tp, fp, fn } = counts.get(codeId)!;
    const precision = tp + fp > 0 ? tp / (tp + fp) : null;
    const recall = tp + fn > 0 ? tp / (tp + fn) : null;
    const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
    return { codeId, support, precision, recall, f1 };
  });
}
