/**
 * Heatmap: rows × columns of cells, each with its value written inside (so colour is never the only
 * cue), on a stepped single-hue scale or a categorical one; suppressed cells are hatched grey.
 */
import { scaleQuantize } from 'd3';
import { BLUES, CATEGORY_COLOURS, textColourOn } from '../../shared/report/chart-colours';
import type { HeatCell, HeatmapSpec } from '../../shared/report/chart-spec';
import { categoryName, drawCategoryLabels, labelColumnWidth } from './categories';
import { markTarget, PAD, spoken, type Frame } from './frame';
import { drawLegend, type LegendItem } from './legend';
import { drawnTextWidth, textWidth, truncate } from './text';

const NOT_FOUND = 'not found';

/** Fill of a cell and the legend items that explain the fills. */
function colouring(spec: HeatmapSpec): { fill: (c: HeatCell) => string; legend: LegendItem[] } {
  if (spec.colour === 'corroboration') {
    const colours = CATEGORY_COLOURS.corroboration;
    return {
      fill: (c) => colours[c.category ?? NOT_FOUND] ?? '#FFFFFF',
      legend: (spec.categories ?? []).map((k) => ({ label: k.label, fill: colours[k.key] ?? '#FFFFFF', outline: true })),
    };
  }
  const [lo, hi] = spec.domain ?? [0, Math.max(1, ...spec.cells.flat().map((c) => c?.value ?? 0))];
  const scale = scaleQuantize<string>().domain([lo, hi > lo ? hi : lo + 1]).range([...BLUES]).nice(BLUES.length);
  const fmt = (n: number) => (Math.abs(n) >= 10 || Number.isInteger(n) ? String(Math.round(n)) : n.toFixed(1));
  return {
    fill: (c) => (c.value === null ? '#FFFFFF' : scale(c.value)),
    legend: BLUES.map((colour) => {
      const [a, b] = scale.invertExtent(colour);
      return { label: `${fmt(a)}–${fmt(b)}`, fill: colour, outline: true };
    }),
  };
}

export function drawHeatmap(frame: Frame, spec: HeatmapSpec): { height: number; width: number } {
  const { body, width, theme, hatch } = frame;
  const { fill, legend } = colouring(spec);
  const hasSuppressed = spec.cells.some((r) => r.some((c) => c?.suppressed));
  const legendItems = [...legend, ...(hasSuppressed ? [{ label: `Suppressed (${suppressedText(spec)})`, fill: hatch, outline: true }] : [])];
  let y = 0;
  const legendTitle = body.append('text').attr('x', PAD).attr('y', theme.fontSize).attr('fill', theme.muted).text(`${spec.valueLabel}:`);
  legendTitle.attr('aria-hidden', 'true');
  y += theme.fontSize + 6;
  y += drawLegend(body, legendItems, PAD, y, width - 2 * PAD, theme) + 10;

  const labelW = labelColumnWidth(spec.rows, theme, width * 0.3);
  const notesW = spec.rowNotes ? Math.min(140, Math.max(...[...spec.rowNotes, spec.rowNotesLabel ?? ''].map((n) => textWidth(n, theme.fontSize))) + 16) : 0;
  const nC = spec.columns.length;
  const cellText = Math.max(24, ...spec.cells.flat().map((c) => (c ? textWidth(c.text, theme.fontSize) : 0))) + 10;
  const cellH = 30;
  const plotX = PAD + labelW;

  // Column headers: horizontal when they fit the cell, otherwise slanted (reserving room on the right).
  const headFont = theme.fontSize;
  const widest = Math.max(0, ...spec.columns.map((c) => textWidth(c.label, headFont)));
  const slantMax = 150;
  const fit = (right: number) => Math.max(cellText, Math.min(130, (width - 2 * PAD - labelW - right) / Math.max(1, nC)));
  let cellW = fit(notesW);
  const slanted = widest > cellW - 6;
  if (slanted) cellW = fit(Math.max(notesW, Math.min(slantMax, widest) * 0.71 - 10));
  const head = body.append('g').attr('class', 'column-labels');
  let drawnWidest = 0;
  spec.columns.forEach((c, j) => {
    const cx = j * cellW + cellW / 2;
    const shown = truncate(c.label, slanted ? slantMax : cellW - 6, headFont);
    const t = head
      .append('text')
      .attr('x', slanted ? 0 : cx)
      .attr('y', slanted ? 0 : -6)
      .attr('text-anchor', slanted ? 'start' : 'middle')
      .attr('transform', slanted ? `translate(${cx - 4},-6) rotate(-45)` : null)
      .text(shown);
    drawnWidest = Math.max(drawnWidest, drawnTextWidth(t.node(), shown, headFont));
    if (shown !== (c.fullLabel ?? c.label)) t.append('title').text(c.fullLabel ?? c.label);
  });
  // Room above the cells (and to the right) for slanted labels as drawn, so none is cut off.
  const slantW = Math.max(Math.min(slantMax, widest), drawnWidest);
  const headH = slanted ? slantW * 0.71 + 14 : headFont + 10;
  head.attr('transform', `translate(${plotX},${y + headH})`);
  if (spec.rowNotes && spec.rowNotesLabel)
    head.append('text').attr('x', nC * cellW + 10).attr('y', -6).attr('font-weight', 600).text(truncate(spec.rowNotesLabel, notesW - 10, headFont));
  y += headH + 4;

  drawCategoryLabels(body.append('g').attr('transform', `translate(${PAD},${y})`), spec.rows, (i) => i * cellH + cellH / 2, labelW, theme);
  const grid = body.append('g').attr('class', 'plot').attr('transform', `translate(${plotX},${y})`);
  const marks = grid.append('g').attr('class', 'marks');
  spec.rows.forEach((r, i) => {
    spec.columns.forEach((c, j) => {
      const cell = spec.cells[i]?.[j] ?? null;
      const cx = j * cellW;
      const cy = i * cellH;
      if (cell === null) {
        grid.append('rect').attr('class', 'blank').attr('x', cx + 1).attr('y', cy + 1).attr('width', cellW - 2).attr('height', cellH - 2).attr('fill', '#F2F2F2').attr('aria-hidden', 'true');
        return;
      }
      const f = cell.suppressed ? '#E0E0E0' : fill(cell);
      const label = `${categoryName(r)}, ${categoryName(c)}: ${spoken(cell)}${cell.note ? ` (${cell.note})` : ''}`;
      const mark = marks.append('g').attr('class', 'mark').attr('aria-label', label);
      markTarget(frame, mark, cell);
      mark
        .append('rect')
        .attr('x', cx + 1)
        .attr('y', cy + 1)
        .attr('width', cellW - 2)
        .attr('height', cellH - 2)
        .attr('fill', cell.suppressed ? hatch : f)
        .attr('stroke', f === '#FFFFFF' ? theme.grid : null);
      mark
        .append('text')
        .attr('x', cx + cellW / 2)
        .attr('y', cy + cellH / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'middle')
        .attr('fill', cell.suppressed ? theme.ink : textColourOn(f))
        .attr('font-style', cell.suppressed ? 'italic' : null)
        .attr('font-weight', cell.suppressed ? 600 : null)
        .text(cell.text);
      mark.append('title').text(label);
    });
    const note = spec.rowNotes?.[i];
    if (note)
      grid
        .append('text')
        .attr('class', 'row-note')
        .attr('x', nC * cellW + 10)
        .attr('y', i * cellH + cellH / 2)
        .attr('dy', '0.35em')
        .attr('fill', theme.ink)
        .text(truncate(note, notesW - 10, theme.fontSize));
  });
  y += spec.rows.length * cellH;
  return { height: y, width: plotX + nC * cellW + Math.max(notesW, slanted ? slantW * 0.71 - cellW / 2 : 0) + PAD };
}

function suppressedText(spec: HeatmapSpec): string {
  for (const row of spec.cells) for (const c of row) if (c?.suppressed) return c.text;
  return '';
}
