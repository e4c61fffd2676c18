/**
 * A network on a circle: nodes evenly spaced in the spec's order (no simulation, so the same spec
 * always draws the same picture), links as straight lines whose width and written number show their
 * value; nodes coloured by group and labelled directly. Suppressed links are dashed grey with their text.
 */
import { scaleLinear, scaleSqrt } from 'd3';
import { seriesColour } from '../../shared/report/chart-colours';
import type { NetworkSpec } from '../../shared/report/chart-spec';
import { markTarget, outlineFor, PAD, seriesPaint, spoken, type Frame } from './frame';
import { drawLegend } from './legend';
import { truncate } from './text';

const LABEL_ROOM = 150;

export function drawNetwork(frame: Frame, spec: NetworkSpec): number {
  const { body, width, theme } = frame;
  const legendH = spec.groups.length > 1 ? drawLegend(body, spec.groups.map((g, i) => ({ label: g.label, fill: seriesPaint(frame, i), outline: outlineFor(seriesColour(i)) !== null })), PAD, 0, width - 2 * PAD, theme) + 8 : 0;
  const r = Math.max(60, Math.min(240, width / 2 - LABEL_ROOM - PAD));
  const cx = width / 2;
  const cy = legendH + r + 36;
  const n = spec.nodes.length;
  const at = new Map(
    spec.nodes.map((node, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return [node.id, { a, x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) }];
    }),
  );
  const round = (v: number) => Math.round(v * 10) / 10;
  const edgeMax = Math.max(1, ...spec.edges.map((e) => e.value.value ?? 0));
  const strokeW = scaleLinear().domain([0, edgeMax]).range([1, 10]);
  const nodeMax = Math.max(1, ...spec.nodes.map((v) => v.value.value ?? 0));
  const radius = scaleSqrt().domain([0, nodeMax]).range([4, 16]);
  const name = new Map(spec.nodes.map((v) => [v.id, v.fullLabel ?? v.label]));

  const plot = body.append('g').attr('class', 'plot');
  const links = plot.append('g').attr('class', 'marks links');
  const writeNumbers = spec.edges.length <= 30;
  for (const e of spec.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) continue;
    const label = `${name.get(e.source)} with ${name.get(e.target)}: ${spoken(e.value)}${e.note ? ` (${e.note})` : ''}`;
    const mark = links.append('g').attr('class', 'mark').attr('aria-label', label);
    markTarget(frame, mark, e.value);
    mark
      .append('line')
      .attr('x1', round(a.x))
      .attr('y1', round(a.y))
      .attr('x2', round(b.x))
      .attr('y2', round(b.y))
      .attr('stroke', e.value.suppressed ? theme.muted : theme.ink)
      .attr('stroke-opacity', e.value.suppressed ? 0.8 : 0.45)
      .attr('stroke-width', e.value.suppressed ? 1.5 : round(strokeW(e.value.value ?? 0)))
      .attr('stroke-dasharray', e.value.suppressed ? '4 3' : null)
      .attr('stroke-linecap', 'round');
    if (writeNumbers)
      mark
        .append('text')
        .attr('x', round((a.x + b.x) / 2))
        .attr('y', round((a.y + b.y) / 2))
        .attr('dy', '0.35em')
        .attr('text-anchor', 'middle')
        .attr('font-size', theme.fontSize - 1)
        .attr('font-style', e.value.suppressed ? 'italic' : null)
        .attr('fill', theme.ink)
        .attr('stroke', theme.background ?? '#FFFFFF')
        .attr('stroke-width', 3)
        .attr('paint-order', 'stroke')
        .text(e.value.text);
    mark.append('title').text(label);
  }
  const nodes = plot.append('g').attr('class', 'marks nodes');
  for (const node of spec.nodes) {
    const p = at.get(node.id)!;
    const colour = seriesColour(node.group);
    const label = `${node.fullLabel ?? node.label}: ${spoken(node.value)}`;
    const mark = nodes.append('g').attr('class', 'mark').attr('aria-label', label);
    markTarget(frame, mark, node.value);
    mark
      .append('circle')
      .attr('cx', round(p.x))
      .attr('cy', round(p.y))
      .attr('r', node.value.suppressed ? 6 : round(radius(node.value.value ?? 0)))
      .attr('fill', node.value.suppressed ? frame.hatch : seriesPaint(frame, node.group))
      .attr('stroke', outlineFor(colour) ?? '#FFFFFF')
      .attr('stroke-width', 1.5);
    const right = Math.cos(p.a) >= -1e-9;
    const lx = cx + (r + 22) * Math.cos(p.a);
    const ly = cy + (r + 22) * Math.sin(p.a);
    mark
      .append('text')
      .attr('x', round(lx))
      .attr('y', round(ly))
      .attr('dy', '0.35em')
      .attr('text-anchor', Math.abs(Math.cos(p.a)) < 0.2 ? 'middle' : right ? 'start' : 'end')
      .attr('fill', theme.ink)
      .text(truncate(`${node.label} (${node.value.text})`, LABEL_ROOM - 8, theme.fontSize));
    mark.append('title').text(label);
  }
  return cy + r + 36;
}
