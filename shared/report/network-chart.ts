/**
 * Co-occurrence as a network: codes on a circle (a fixed layout, so the same result always draws the
 * same picture), linked by how many units have both. An alternative view to the co-occurrence heatmap.
 */
import type { AnalysisTable, Cell } from '../analysis/types';
import { countSuppressed, disclosureThreshold, expectKind, isSuppressed, lastSegment, suppressedValue, suppressionNote, withRef, type TitleOption } from './chart-builders';
import type { ChartValue, NetworkEdge, NetworkNode, NetworkSpec } from './chart-spec';

const fmt = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

export interface CooccurrenceNetworkOptions extends TitleOption {
  /** Most codes to show, by units coded (default 12). */
  limit?: number;
}

export function cooccurrenceNetwork(result: AnalysisTable, options: CooccurrenceNetworkOptions = {}): NetworkSpec {
  expectKind(result, 'cooccurrence', 'cooccurrenceNetwork');
  const limit = options.limit ?? 12;
  const threshold = disclosureThreshold(result);
  const count = (c: Cell | undefined): ChartValue =>
    isSuppressed(c, threshold) ? suppressedValue(threshold!) : typeof c === 'number' ? { value: c, text: fmt(c) } : { value: null, text: '–' };
  const codes = new Map<string, { path: string; units: ChartValue; order: number }>();
  const note = (id: Cell | undefined, path: Cell | undefined, units: ChartValue) => {
    const key = String(id);
    if (!codes.has(key)) codes.set(key, { path: String(path), units, order: codes.size });
  };
  result.rows.forEach((r, index) => {
    note(r.codeAId, r.codeA, withRef(count(r.unitsA), index, 'unitsA'));
    note(r.codeBId, r.codeB, withRef(count(r.unitsB), index, 'unitsB'));
  });
  const size = (v: ChartValue) => (v.suppressed ? 0 : (v.value ?? 0));
  const chosen = [...codes.entries()].sort((a, b) => size(b[1].units) - size(a[1].units) || a[1].order - b[1].order).slice(0, limit);
  // on the circle in codebook order (the order codes first appear), so codes of a theme sit together
  chosen.sort((a, b) => a[1].order - b[1].order);
  const themeOf = (path: string) => (path.includes(' › ') ? path.slice(0, path.indexOf(' › ')) : path);
  const groups: string[] = [];
  for (const [, c] of chosen) if (!groups.includes(themeOf(c.path))) groups.push(themeOf(c.path));
  const nodes: NetworkNode[] = chosen.map(([id, c]) => ({ id, label: lastSegment(c.path), fullLabel: c.path, value: c.units, group: groups.indexOf(themeOf(c.path)) }));
  const ids = new Set(nodes.map((n) => n.id));
  const edges: NetworkEdge[] = [];
  result.rows.forEach((r, index) => {
    if (!ids.has(String(r.codeAId)) || !ids.has(String(r.codeBId))) return;
    const v = withRef(count(r.both), index, 'both');
    if (!v.suppressed && !(v.value && v.value > 0)) return;
    edges.push({ source: String(r.codeAId), target: String(r.codeBId), value: v, ...(v.suppressed || typeof r.jaccard !== 'number' ? {} : { note: `Jaccard ${r.jaccard.toFixed(2)}` }) });
  });
  const unit = String(result.stats?.unit ?? 'unit');
  const strongest = edges.reduce<NetworkEdge | null>((b, e) => (e.value.value !== null && (b === null || e.value.value > (b.value.value ?? -1)) ? e : b), null);
  const name = (id: string) => nodes.find((n) => n.id === id)?.fullLabel ?? id;
  return {
    kind: 'network',
    colour: 'okabe-ito',
    title: options.title ?? 'Codes that come up together',
    description:
      nodes.length === 0
        ? 'No codes appear together.'
        : `Network of ${nodes.length} codes placed around a circle; a line joins two codes when ${unit}s have both, thicker for more, with the number written on it. ${edges.length} pairs are linked.` +
          (strongest ? ` The strongest link is ${name(strongest.source)} with ${name(strongest.target)}: ${strongest.value.text} ${unit}s.` : ''),
    notes: [
      ...(codes.size > nodes.length ? [`Showing the ${nodes.length} most-coded of ${codes.size} codes that co-occur.`] : []),
      ...suppressionNote(countSuppressed(edges.map((e) => e.value)), threshold),
    ],
    nodes,
    edges,
    groups: groups.map((g, i) => ({ key: String(i), label: g })),
    nodeLabel: 'Code',
    edgeLabel: `${unit[0]!.toUpperCase()}${unit.slice(1)}s with both codes`,
  };
}
