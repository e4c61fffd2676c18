/**
 * The codebook as a treemap: one block per theme, its subcodes nested inside, each box sized by its
 * coded segments (codings add up, so a theme's area is its subcodes plus what was coded to the theme
 * itself). Built from a code frequencies result.
 */
import type { AnalysisTable, Row } from '../analysis/types';
import { countSuppressed, disclosureThreshold, expectKind, isSuppressed, suppressedValue, suppressionNote, withRef, type TitleOption } from './chart-builders';
import type { ChartValue, HierarchyNode, TreemapSpec } from './chart-spec';

const fmt = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

/** The suffix of the box that stands for segments coded to a parent code itself. */
export const SELF_SUFFIX = '::self';

export function codebookTreemap(result: AnalysisTable, options: TitleOption = {}): TreemapSpec {
  expectKind(result, 'frequencies', 'codebookTreemap');
  const threshold = disclosureThreshold(result);
  const value = (r: Row): ChartValue =>
    isSuppressed(r.codings, threshold) ? suppressedValue(threshold!) : typeof r.codings === 'number' ? { value: r.codings, text: fmt(r.codings) } : { value: null, text: '–' };
  // parents from the depth-first codebook order: a row's parent is the nearest earlier row one level up
  const stack: string[] = [];
  const rows = result.rows.map((r, index) => {
    const level = typeof r.level === 'number' ? r.level : 0;
    stack.length = Math.min(stack.length, level);
    const parentId = level > 0 ? (stack[level - 1] ?? null) : null;
    stack[level] = String(r.codeId);
    return { r, index, id: String(r.codeId), parentId };
  });
  const children = new Map<string, typeof rows>();
  for (const x of rows) if (x.parentId !== null) children.set(x.parentId, [...(children.get(x.parentId) ?? []), x]);
  const nodes: HierarchyNode[] = [];
  let hiddenSelf = 0;
  for (const x of rows) {
    const v = value(x.r);
    if (!v.suppressed && v.value === 0) continue;
    nodes.push({ id: x.id, parentId: x.parentId, label: String(x.r.code), fullLabel: String(x.r.path ?? x.r.code), value: withRef(v, x.index, 'codings') });
    const kids = children.get(x.id) ?? [];
    if (kids.length === 0) continue;
    // what was coded to the parent itself: its total less its children's, only when every figure is shown
    const kidValues = kids.map((k) => value(k.r));
    if (v.suppressed || kidValues.some((k) => k.suppressed)) {
      hiddenSelf++;
      continue;
    }
    const own = (v.value ?? 0) - kidValues.reduce((s, k) => s + (k.value ?? 0), 0);
    if (own > 0 && (threshold === null || own >= threshold))
      nodes.push({ id: `${x.id}${SELF_SUFFIX}`, parentId: x.id, label: `${x.r.code} (itself)`, fullLabel: `${x.r.path ?? x.r.code} (coded to the code itself)`, value: { value: own, text: fmt(own) } });
    else if (own > 0) hiddenSelf++;
  }
  // drop children of dropped (zero) parents
  const kept = new Set<string>();
  const shown = nodes.filter((n) => (n.parentId === null || kept.has(n.parentId)) && kept.add(n.id));
  const themes = shown.filter((n) => n.parentId === null);
  const leaves = shown.filter((n) => !shown.some((m) => m.parentId === n.id));
  const largest = themes.reduce<HierarchyNode | null>((b, n) => (n.value.value !== null && (b === null || n.value.value > (b.value.value ?? -1)) ? n : b), null);
  return {
    kind: 'treemap',
    colour: 'okabe-ito',
    title: options.title ?? 'Codebook: coded segments by theme and code',
    description:
      shown.length === 0
        ? 'No coded segments to show.'
        : `Treemap of the codebook: ${themes.length} themes, each a coloured block holding its codes; box areas show coded segments.` +
          (largest ? ` The largest theme is ${largest.fullLabel} with ${largest.value.text} coded segments.` : ''),
    notes: [
      ...suppressionNote(countSuppressed(leaves.map((n) => n.value)), threshold),
      ...(countSuppressed(leaves.map((n) => n.value)) > 0 ? ['Suppressed boxes are all drawn the same size: their area is not to scale.'] : []),
      ...(hiddenSelf > 0 && threshold !== null ? [`Segments coded to ${hiddenSelf} parent code(s) themselves are not drawn as boxes of their own (too few to show, or hidden by suppression).`] : []),
    ],
    valueLabel: 'Coded segments',
    nodes: shown,
    suppressedSize: threshold !== null ? threshold / 2 : 1,
  };
}
