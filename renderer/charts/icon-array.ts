/**
 * An icon array for a plain-language proportion: the statement in words, then 10 (or 100) person
 * icons with the share shaded solid and the rest outlined (far apart in lightness, so it survives
 * greyscale); when suppressed every icon is hatched grey and the statement says why.
 */
import { ICON_EMPTY, ICON_FILLED } from '../../shared/report/chart-colours';
import type { IconArraySpec } from '../../shared/report/chart-spec';
import { PAD, type Frame } from './frame';
import { drawLegend } from './legend';
import { wrap } from './text';

/** A person icon `s` wide and `s * 1.6` tall at (0, 0). */
function personPath(s: number): string {
  const r = s * 0.22;
  const bodyTop = s * 0.55;
  const bw = s * 0.8;
  const bx = (s - bw) / 2;
  const bh = s * 1.0;
  const f = (v: number) => Math.round(v * 100) / 100;
  return (
    `M${f(s / 2 + r)},${f(r)}A${f(r)},${f(r)} 0 1 1 ${f(s / 2 - r)},${f(r)}A${f(r)},${f(r)} 0 1 1 ${f(s / 2 + r)},${f(r)}Z` +
    `M${f(bx)},${f(bodyTop + bw / 2)}A${f(bw / 2)},${f(bw / 2)} 0 0 1 ${f(bx + bw)},${f(bodyTop + bw / 2)}L${f(bx + bw)},${f(bodyTop + bh)}L${f(bx)},${f(bodyTop + bh)}Z`
  );
}

export function drawIconArray(frame: Frame, spec: IconArraySpec): number {
  const { body, width, theme, hatch } = frame;
  let y = 0;
  const statementSize = theme.fontSize + 4;
  // the statement is usually the title too (the title states the finding): written once
  const statement = spec.statement === spec.title ? [] : wrap(spec.statement, width - 2 * PAD, statementSize);
  for (const line of statement) {
    y += statementSize + 6;
    body.append('text').attr('class', 'statement').attr('x', PAD).attr('y', y).attr('font-size', statementSize).attr('font-weight', 600).text(line);
  }
  y += statement.length ? 14 : 4;
  const perRow = 10;
  const rows = Math.ceil(spec.of / perRow);
  const gap = spec.of > 10 ? 4 : 10;
  const s = Math.max(10, Math.min(spec.of > 10 ? 22 : 44, (width - 2 * PAD - (perRow - 1) * gap) / perRow));
  const h = s * 1.6;
  const path = personPath(s);
  const filled = spec.filled ?? 0;
  const icons = body.append('g').attr('class', 'plot').attr('transform', `translate(${PAD},${y})`);
  const groups = [
    { n: spec.filled === null ? 0 : filled, label: `${filled} of ${spec.of} icons: ${spec.filledLabel}`, fill: ICON_FILLED },
    { n: spec.filled === null ? 0 : spec.of - filled, label: `${spec.of - filled} of ${spec.of} icons: ${spec.emptyLabel}`, fill: ICON_EMPTY },
    { n: spec.filled === null ? spec.of : 0, label: `${spec.of} icons, hatched: ${spec.value.text} (suppressed)`, fill: hatch },
  ];
  let i = 0;
  for (const g of groups) {
    if (g.n === 0) continue;
    const mark = icons.append('g').attr('class', 'mark').attr('aria-label', g.label);
    for (let k = 0; k < g.n; k++, i++) {
      const col = i % perRow;
      const row = Math.floor(i / perRow);
      mark
        .append('path')
        .attr('d', path)
        .attr('transform', `translate(${col * (s + gap)},${row * (h + gap)})`)
        .attr('fill', g.fill)
        .attr('stroke', ICON_FILLED)
        .attr('stroke-width', g.fill === ICON_EMPTY ? 1.5 : 0.5);
    }
    mark.append('title').text(g.label);
  }
  y += rows * (h + gap) + 8;
  const legend = spec.filled === null ? [{ label: `Suppressed (${spec.value.text})`, fill: hatch, outline: true }] : [
    { label: spec.filledLabel, fill: ICON_FILLED },
    { label: spec.emptyLabel, fill: ICON_EMPTY, outline: true },
  ];
  y += drawLegend(body, legend, PAD, y, width - 2 * PAD, theme);
  body.append('text').attr('x', PAD).attr('y', y + theme.fontSize).attr('fill', theme.muted).text(spec.unitLabel);
  return y + theme.fontSize + 6;
}
