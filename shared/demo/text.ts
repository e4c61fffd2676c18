/** Small helpers for composing the demo's fictional texts deterministically. */

export type Rng = () => number;

/** Expand `{a|b|c}` alternatives (not nested) with the generator; `{|x}` makes `x` optional. */
export function expand(template: string, rnd: Rng): string {
  return template.replace(/\{([^{}]*)\}/g, (_, body: string) => {
    const options = body.split('|');
    return options[Math.floor(rnd() * options.length)] ?? '';
  });
}

/** A uniformly chosen element; the list must not be empty. */
export function pick<T>(items: readonly T[], rnd: Rng): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rnd() * items.length)]!;
}

/** An element chosen with probability proportional to its weight; undefined when all weights are 0. */
export function pickWeighted<T>(items: readonly T[], weight: (t: T) => number, rnd: Rng): T | undefined {
  let total = 0;
  const ws = items.map((t) => {
    const w = Math.max(0, weight(t));
    total += w;
    return w;
  });
  if (total <= 0) return undefined;
  let r = rnd() * total;
  for (let i = 0; i < items.length; i++) {
    r -= ws[i]!;
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

/** Whitespace-separated words. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A stretch of composed text, with the codes (by name) the first coder gives it; [] = context only. */
export interface Segment {
  start: number;
  end: number;
  codes: string[];
}

/**
 * Builds a text piece by piece, remembering where each sentence landed (UTF-16 offsets)
 * and which codes it expresses, so codings fall exactly on sentence boundaries.
 */
export class TextBuilder {
  private parts: string[] = [];
  private len = 0;
  private nWords = 0;
  readonly segments: Segment[] = [];

  get length(): number {
    return this.len;
  }

  /** Words so far (pieces are added at word boundaries). */
  get words(): number {
    return this.nWords;
  }

  /** Raw text that is never coded (separators, speaker labels, line breaks). */
  raw(s: string): void {
    this.parts.push(s);
    this.len += s.length;
    this.nWords += wordCount(s);
  }

  /** A sentence; separated from the previous one by a space unless at the start of a line. */
  sentence(s: string, codes: string[]): void {
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && !last.endsWith('\n') && !last.endsWith(' ')) this.raw(' ');
    const start = this.len;
    this.raw(s);
    this.segments.push({ start, end: this.len, codes });
  }

  text(): string {
    return this.parts.join('');
  }
}

/** Lower-case the first letter unless the sentence starts with "I", an acronym or a number. */
export function lowerFirst(s: string): string {
  const first = s.split(/[\s',]/)[0] ?? '';
  if (first === 'I' || /^[A-Z0-9]{2,}/.test(first)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
