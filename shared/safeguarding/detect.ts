/**
 * Possible disclosures of CURRENT risk in feedback text (threats to life, self-harm or suicidal
 * intent, a child at risk, ongoing abuse), for a person to review. Explainable by construction:
 * each finding names the cue that matched (./lexicon.ts) and the context that made it count (a
 * marker of now, a first-person present frame) — and a cue that is negated, placed in the past, or
 * part of talk about police process is not reported at all.
 *
 * A finding never changes or hides the text; it is a pointer (offsets into the text, UTF-16 code
 * units, end exclusive) for the safeguarding review list. Pure: no DOM, no I/O.
 */
import {
  AGENCY,
  CLAUSE_BREAK,
  CUES,
  CURRENT_MARKERS,
  FIRST_PERSON_NOW,
  NEGATION,
  PAST_MARKERS,
  PROCESS_MARKERS,
  SAFEGUARD_CATEGORIES,
  TRIGGER,
  type Cue,
  type SafeguardCategory,
} from './lexicon';

export { SAFEGUARD_CATEGORIES, CATEGORY_LABELS, type SafeguardCategory } from './lexicon';

export interface SafeguardFinding {
  category: SafeguardCategory;
  /** The sentence holding the cue: what a reviewer reads and what content notes fold. */
  start: number;
  end: number;
  /** The words the cue matched. */
  cueStart: number;
  cueEnd: number;
  /** The cue's name (lexicon id), e.g. "still-contacting". */
  cue: string;
  confidence: number;
  /** Why it counted, in plain words. */
  reason: string;
}

/** Why a cue that matched was not reported (for tests and tuning; never stored). */
export interface SuppressedCue {
  category: SafeguardCategory;
  cue: string;
  cueStart: number;
  cueEnd: number;
  why: 'negated' | 'past' | 'process' | 'no-current-marker';
  marker?: string;
}

export interface Detection {
  findings: SafeguardFinding[];
  suppressed: SuppressedCue[];
}

/**
 * Lower case with straight apostrophes, the same length as `text` (so offsets hold), and the
 * apostrophes that some exports turn into spaces put back ("don t" → "don't", "I m" → "I'm").
 */
export function normaliseForCues(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // a few characters change length when lower-cased (İ): keep those as they are
    let s = '';
    for (const ch of text) {
      const l = ch.toLowerCase();
      s += l.length === ch.length ? l : ch;
    }
    lower = s;
  }
  return lower
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/\b(i|don|didn|can|won|isn|wasn|doesn|haven|hasn|wouldn|couldn|shouldn|aren|weren|he|she|it|they|we|you|that|there) (m|t|s|ll|re|ve|d)\b/g, "$1'$2");
}

interface Span {
  start: number;
  end: number;
}

/** Sentences of `text` (offsets), split at . ! ? followed by a space or line end, and at line breaks. */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?]+(?=\s|$)|\n+/g;
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (const m of text.matchAll(re)) {
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].length;
    push(from, end);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** Clause spans within a sentence (relative offsets). */
function clauseSpans(s: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of s.matchAll(CLAUSE_BREAK)) {
    if (m.index > from) out.push({ start: from, end: m.index });
    from = m.index;
    // the break word itself opens the next clause ("but he is still…")
    if (/^[,;:()]/.test(m[0])) from = m.index + 1;
  }
  out.push({ start: from, end: s.length });
  return out;
}

interface Marker {
  id: string;
  start: number;
  end: number;
  clause: number;
}

function markers(s: string, clauses: Span[], list: readonly { id: string; re: RegExp }[]): Marker[] {
  const out: Marker[] = [];
  for (const { id, re } of list) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) out.push({ id, start: m.index, end: m.index + m[0].length, clause: clauseOf(clauses, m.index) });
  }
  return out;
}

const clauseOf = (clauses: Span[], at: number) => {
  const i = clauses.findIndex((c) => at >= c.start && at < c.end);
  return i < 0 ? clauses.length - 1 : i;
};

const inside = (m: Span, s: Span) => m.start >= s.start && m.end <= s.end;

/** The last `n` words before `at` within the clause. */
function wordsBefore(s: string, clause: Span, at: number, n: number): string {
  const words = s.slice(clause.start, at).trim().split(/\s+/).filter(Boolean);
  return words.slice(-n).join(' ');
}

/** A marker of now that counts: not inside the cue's words, not in a clause about the police or court, not in a clause placed in the past. */
function enablingNow(s: string, clauses: Span[], nows: Marker[], pasts: Marker[], cue: Span): Marker | undefined {
  return nows.find((m) => {
    if (inside(m, cue)) return false;
    // "the police still have not…": the marker speaks of the police, not of the risk
    if (AGENCY.test(wordsBefore(s, clauses[m.clause]!, m.start, 3))) return false;
    return !pasts.some((p) => p.clause === m.clause);
  });
}

/** Analyse one text: findings and the cues that were set aside (with why). */
export function analyseSafeguarding(text: string): Detection {
  const findings: SafeguardFinding[] = [];
  const suppressed: SuppressedCue[] = [];
  if (!text || !TRIGGER.test(text.toLowerCase())) return { findings, suppressed };
  const norm = normaliseForCues(text);
  const sentences = sentenceSpans(norm);
  for (const [si, sent] of sentences.entries()) {
    const s = norm.slice(sent.start, sent.end);
    if (!TRIGGER.test(s)) continue;
    const hits: { cue: Cue; span: Span }[] = [];
    for (const cue of CUES) {
      if (!cue.anchor.test(s)) continue;
      cue.re.lastIndex = 0;
      for (const m of s.matchAll(cue.re)) hits.push({ cue, span: { start: m.index, end: m.index + m[0].length } });
    }
    if (hits.length === 0) continue;
    // the context, read only for sentences where a cue matched
    const clauses = clauseSpans(s);
    const nows = markers(s, clauses, CURRENT_MARKERS);
    const pasts = markers(s, clauses, PAST_MARKERS);
    const processes = markers(s, clauses, PROCESS_MARKERS);
    // the next sentence can say the risk is current ("He threatened to kill me. He is still out there.")
    const next = sentences[si + 1];
    const nextText = next ? norm.slice(next.start, next.end) : '';
    const nextClauses = next ? clauseSpans(nextText) : [];
    const nextPasts = next ? markers(nextText, nextClauses, PAST_MARKERS) : [];
    const nextNow = next ? enablingNow(nextText, nextClauses, markers(nextText, nextClauses, CURRENT_MARKERS), nextPasts, { start: -1, end: -1 }) : undefined;
    // a grave act told in the past tense counts unless this sentence or the next places it in the past
    const pastNearby = pasts[0]?.id ?? nextPasts[0]?.id;
    const best = new Map<SafeguardCategory, SafeguardFinding>();
    for (const { cue, span } of hits) {
      const verdict = judge(s, clauses, nows, pasts, processes, cue, span, nextNow, pastNearby);
      const at = { cueStart: sent.start + span.start, cueEnd: sent.start + span.end };
      if ('why' in verdict) {
        suppressed.push({ category: cue.category, cue: cue.id, ...at, why: verdict.why, ...(verdict.marker ? { marker: verdict.marker } : {}) });
        continue;
      }
      const finding: SafeguardFinding = {
        category: cue.category,
        start: sent.start,
        end: sent.end,
        ...at,
        cue: cue.id,
        confidence: Math.min(0.99, Math.round((cue.weight + verdict.boost) * 100) / 100),
        reason: `cue “${cue.id}” matched “${text.slice(at.cueStart, at.cueEnd)}”${verdict.context ? `; ${verdict.context}` : ''}`,
      };
      const had = best.get(cue.category);
      if (!had || finding.confidence > had.confidence) best.set(cue.category, finding);
    }
    // one past act told once ("he strangled me on Friday") is the threat to life, not also ongoing abuse
    const threat = best.get('threat-to-life');
    const abuse = best.get('ongoing-abuse');
    if (threat && abuse && TENSE.get(abuse.cue) === 'past' && abuse.cueStart < threat.cueEnd && threat.cueStart < abuse.cueEnd) best.delete('ongoing-abuse');
    findings.push(...SAFEGUARD_CATEGORIES.flatMap((c) => (best.has(c) ? [best.get(c)!] : [])));
  }
  return { findings, suppressed };
}

const TENSE = new Map(CUES.map((c) => [c.id, c.tense]));

type Verdict = { boost: number; context: string } | { why: SuppressedCue['why']; marker?: string };

function judge(s: string, clauses: Span[], nows: Marker[], pasts: Marker[], processes: Marker[], cue: Cue, span: Span, nextNow: Marker | undefined, pastNearby: string | undefined): Verdict {
  const ci = clauseOf(clauses, span.start);
  const clause = clauses[ci]!;
  // negation just before the cue, in its clause ("he never threatened to kill me", "I'm not suicidal")
  const before = wordsBefore(s, clause, span.start, 3);
  if (NEGATION.test(before)) return { why: 'negated', marker: before };
  // talk about police process before the cue, in its clause ("they asked if I was suicidal")
  const process = processes.find((p) => p.clause === ci && p.start < span.start);
  if (process) return { why: 'process', marker: process.id };
  // the cue's clause placed in the past ("he used to hit me", "years ago he threatened to kill me")
  const past = pasts.find((p) => p.clause === ci || (p.start >= span.start && p.start < span.end));
  if (past) return { why: 'past', marker: past.id };
  const now = enablingNow(s, clauses, nows, pasts, span);
  if (cue.tense === 'current') return now ? { boost: 0.05, context: `now: “${s.slice(now.start, now.end)}”` } : { boost: 0, context: '' };
  if (cue.tense === 'past' || cue.tense === 'recent') {
    if (now) return { boost: 0, context: `told as past, but now: “${s.slice(now.start, now.end)}”` };
    if (nextNow) return { boost: -0.05, context: `told as past, but the next sentence says “${nextNow.id}”` };
    if (cue.tense === 'recent') return pastNearby ? { why: 'past', marker: pastNearby } : { boost: -0.1, context: 'told as past, with nothing saying it is over' };
    return { why: 'no-current-marker' };
  }
  // neutral: a first-person present frame or a marker of now in the cue's own clause
  if (FIRST_PERSON_NOW.test(s.slice(clause.start, span.start))) return { boost: 0.2, context: 'said in the first person, present tense' };
  const nowHere = nows.find((m) => m.clause === ci && !inside(m, span));
  if (nowHere) return { boost: 0.15, context: `now: “${s.slice(nowHere.start, nowHere.end)}”` };
  return { why: 'no-current-marker' };
}

/** The findings only. */
export function detectSafeguarding(text: string): SafeguardFinding[] {
  return analyseSafeguarding(text).findings;
}
