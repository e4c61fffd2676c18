/**
 * Who coded what. The first coder codes every sentence with the codes it was written for.
 * The second coder agrees mostly but not always, the way a real second coder does: some
 * omissions, some neighbouring codes chosen instead, some boundaries drawn differently, and
 * the odd extra coding on a context sentence.
 */
import { THEME_OF } from './compose';
import { pick, type Rng, type Segment } from './text';

export interface SpanCode {
  start: number;
  end: number;
  code: string;
}

const CHILDREN: ReadonlyMap<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [code, theme] of THEME_OF) {
    if (code === theme) continue;
    const list = m.get(theme) ?? [];
    list.push(code);
    m.set(theme, list);
  }
  return m;
})();

export function firstCoder(segments: Segment[]): SpanCode[] {
  return segments.flatMap((s) => s.codes.map((code) => ({ start: s.start, end: s.end, code })));
}

/** A plausible alternative code: a sibling subcategory, or the theme itself (or, for a theme, one of its subcategories). */
function neighbour(code: string, rnd: Rng): string {
  const theme = THEME_OF.get(code) ?? code;
  const kids = CHILDREN.get(theme) ?? [];
  if (code === theme) return kids.length ? pick(kids, rnd) : code;
  const siblings = kids.filter((k) => k !== code);
  return siblings.length && rnd() < 0.7 ? pick(siblings, rnd) : theme;
}

/** The second coder's version of the first coder's work on one text. */
export function secondCoder(text: string, segments: Segment[], rnd: Rng): SpanCode[] {
  const out: SpanCode[] = [];
  const sameLine = (a: number, b: number) => !text.slice(a, b).includes('\n');
  segments.forEach((s, i) => {
    if (s.codes.length === 0) {
      const near = segments[i + 1]?.codes[0] ?? segments[i - 1]?.codes[0];
      if (near && rnd() < 0.08) out.push({ start: s.start, end: s.end, code: THEME_OF.get(near) ?? near });
      return;
    }
    for (const code of s.codes) {
      const r = rnd();
      if (r < 0.14) continue; // missed it
      if (r < 0.26) {
        out.push({ start: s.start, end: s.end, code: neighbour(code, rnd) });
        continue;
      }
      if (r < 0.38) {
        const next = segments[i + 1];
        const prev = segments[i - 1];
        const how = rnd();
        if (how < 0.4 && next && sameLine(s.start, next.end)) out.push({ start: s.start, end: next.end, code });
        else if (how < 0.7 && prev && sameLine(prev.start, s.end)) out.push({ start: prev.start, end: s.end, code });
        else {
          // starts a word or two later
          const space = text.indexOf(' ', s.start);
          const start = space > s.start && space + 1 < s.end - 1 ? space + 1 : s.start;
          out.push({ start, end: s.end, code });
        }
        continue;
      }
      out.push({ start: s.start, end: s.end, code });
    }
  });
  return out;
}
