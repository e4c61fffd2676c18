/**
 * Treemap of a hierarchy (the codebook): one block per top-level node in its series colour (patterned
 * past the lightness-distinct ones), children nested inside with their name and figure written on
 * them where they fit; suppressed leaves are hatched grey at a fixed size.
 */
import { stratify, treemap, treemapSquarify } from 'd3';
import { seriesColour, textColourOn } from '../../shared/report/chart-colours';
import type { HierarchyNode, TreemapSpec } from '../../shared/report/chart-spec';
import { markTarget, outlineFor, PAD, seriesPaint, spoken, type Frame } from './frame';
import { drawLegend } from './legend';
import { WIDE_FONT } from './categories';
import { textWidth, truncate } from './text';

const HEADER = 18;

export function drawTreemap(frame: Frame, spec: TreemapSpec): number {
  const { body, width, theme, hatch } = frame;
  const themes = spec.nodes.filter((n) => n.parentId === null);
  const legendH = drawLegend(body, themes.map((t, i) => ({ label: t.label, fill: seriesPaint(frame, i), outline: outlineFor(seriesColour(i)) !== null })), PAD, 0, width - 2 * PAD, theme);
  const top = legendH + 8;
  const plotW = width - 2 * PAD;
  const plotH = Math.round(Math.max(240, Math.min(520, plotW * 0.55)));
  const ids = new Set(spec.nodes.map((n) => n.id));
  const rootId = '__root';
  const table = [{ id: rootId, parentId: null as string | null, node: null as HierarchyNode | null }, ...spec.nodes.map((n) => ({ id: n.id, parentId: n.parentId !== null && ids.has(n.parentId) ? n.parentId : rootId, node: n as HierarchyNode | null }))];
  const isParent = new Set(spec.nodes.map((n) => n.parentId).filter((p): p is string => p !== null));
  const size = (n: HierarchyNode | null) => (n === null || isParent.has(n.id) ? 0 : n.value.suppressed ? spec.suppressedSize : Math.max(0, n.value.value ?? 0));
  const root = stratify<(typeof table)[number]>()
    .id((d) => d.id)
    .parentId((d) => d.parentId)(table)
    .sum((d) => size(d.node));
  const order = new Map(table.map((d, i) => [d.id, i]));
  root.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || order.get(a.id!)! - order.get(b.id!)!);
  treemap<(typeof table)[number]>()
    .tile(treemapSquarify)
    .size([plotW, plotH])
    .paddingInner(2)
    .paddingOuter(2)
    .paddingTop((d) => (d.depth === 0 ? 0 : HEADER))
    .round(true)(root);

  const plot = body.append('g').attr('class', 'plot').attr('transform', `translate(${PAD},${top})`);
  const marks = plot.append('g').attr('class', 'marks');
  const themeIndex = new Map(themes.map((t, i) => [t.id, i]));
  for (const d of root.descendants()) {
    const n = d.data.node;
    if (!n) continue;
    const themeId = d.ancestors().find((a) => a.depth === 1)?.id ?? n.id;
    const k = themeIndex.get(themeId) ?? 0;
    const colour = seriesColour(k);
    const x0 = (d as unknown as { x0: number }).x0;
    const y0 = (d as unknown as { y0: number }).y0;
    const w = (d as unknown as { x1: number }).x1 - x0;
    const h = (d as unknown as { y1: number }).y1 - y0;
    if (w <= 0 || h <= 0) continue;
    const name = n.fullLabel ?? n.label;
    const mark = marks.append('g').attr('class', 'mark').attr('aria-label', `${name}: ${spoken(n.value)}`);
    markTarget(frame, mark, n.value);
    const parent = d.children !== undefined;
    const fill = n.value.suppressed ? hatch : seriesPaint(frame, k);
    mark
      .append('rect')
      .attr('x', x0)
      .attr('y', y0)
      .attr('width', w)
      .attr('height', h)
      .attr('fill', fill)
      .attr('fill-opacity', parent && d.depth > 1 ? 0.85 : null)
      .attr('stroke', parent ? (outlineFor(colour) ?? colour) : '#FFFFFF')
      .attr('stroke-width', parent ? 1 : 1.5);
    const ink = n.value.suppressed ? theme.ink : textColourOn(colour);
    const label = `${n.label} ${n.value.text}`;
    // room for the text in a font wider than the estimate (the box clips nothing: text must fit)
    const room = (w - 8) / WIDE_FONT;
    if (parent) {
      if (w > 40) mark.append('text').attr('x', x0 + 4).attr('y', y0 + HEADER / 2).attr('dy', '0.35em').attr('font-weight', 600).attr('fill', ink).text(truncate(label, room / 1.1, theme.fontSize));
    } else if (w > 34 && h > theme.fontSize + 6) {
      const lines = textWidth(label, theme.fontSize) <= room || h < 2 * theme.fontSize + 10 ? [label] : [n.label, n.value.text];
      lines.forEach((line, i) =>
        mark
          .append('text')
          .attr('x', x0 + 4)
          .attr('y', y0 + 4 + (i + 0.5) * (theme.fontSize + 3))
          .attr('dy', '0.35em')
          .attr('fill', ink)
          .attr('font-style', n.value.suppressed ? 'italic' : null)
          .text(truncate(line, room, theme.fontSize)),
      );
    }
    mark.append('title').text(`${name}: ${n.value.text}`);
  }
  return top + plotH;
}
