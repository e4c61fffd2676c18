/**
 * The frame every chart shares: a fresh accessible <svg> (role="img", <title>, <desc>), a background,
 * the visible title, a hatch pattern for suppressed values, and notes under the plot.
 */
import { select, type Selection } from 'd3';
import { contrastRatio, seriesColour, seriesPattern, SUPPRESSED_FILL, SUPPRESSED_HATCH } from '../../shared/report/chart-colours';
import type { ChartSpec, ChartValue } from '../../shared/report/chart-spec';
import { wrap } from './text';
import type { ChartTheme } from './theme';

export type Sel<E extends Element = SVGGElement> = Selection<E, unknown, null, undefined>;

export interface Frame {
  svg: Sel<SVGSVGElement>;
  /** The plot group, translated below the title. Draw with y from 0. */
  body: Sel<SVGGElement>;
  width: number;
  theme: ChartTheme;
  /** fill value of the suppressed-value hatch. */
  hatch: string;
  /** Prefix of every id in the chart (the hatch and series patterns). */
  id: string;
  /** Marks with a ref are focusable buttons carrying data-row/data-key (the app; never exports). */
  interactive: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
let serial = 0;

export const PAD = 16;

/**
 * Clear `container` and start a chart; call `finishFrame` with the plot's height and width when drawn.
 * `idPrefix` names the chart's ids (default a fresh serial number; give a fixed one for byte-stable output).
 */
export function startFrame(spec: ChartSpec, container: Element, width: number, theme: ChartTheme, idPrefix?: string, interactive = false): Frame {
  const root = select(container);
  root.selectAll('*').remove();
  const id = idPrefix ?? `chorus-chart-${++serial}`;
  const svg = root
    .append('svg')
    .attr('xmlns', SVG_NS)
    // an image's children are presentational: with focusable marks the chart is a labelled group
    .attr('role', interactive ? 'group' : 'img')
    .attr('aria-labelledby', `${id}-title`)
    .attr('aria-describedby', `${id}-desc`)
    .attr('data-chart-kind', spec.kind)
    .attr('font-family', theme.font)
    .attr('font-size', theme.fontSize)
    .attr('fill', theme.ink)
    .style('max-width', '100%')
    .style('height', 'auto')
    .style('display', 'block');
  svg.append('title').attr('id', `${id}-title`).text(spec.title);
  svg.append('desc').attr('id', `${id}-desc`).text([spec.description, ...spec.notes].join(' '));
  const pattern = svg
    .append('defs')
    .append('pattern')
    .attr('id', `${id}-hatch`)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', SUPPRESSED_FILL);
  pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', SUPPRESSED_HATCH).attr('stroke-width', 2);
  if (theme.background) svg.append('rect').attr('class', 'background').attr('width', '100%').attr('height', '100%').attr('fill', theme.background);

  const titleLines = wrap(spec.title, width - 2 * PAD, theme.titleSize);
  const title = svg.append('g').attr('class', 'chart-title').attr('aria-hidden', 'true');
  titleLines.forEach((line, i) =>
    title
      .append('text')
      .attr('x', PAD)
      .attr('y', PAD + theme.titleSize + i * (theme.titleSize + 4))
      .attr('font-size', theme.titleSize)
      .attr('font-weight', 700)
      .text(line),
  );
  const top = PAD + titleLines.length * (theme.titleSize + 4) + 12;
  const body = svg.append('g').attr('class', 'chart-body').attr('transform', `translate(0,${top})`);
  body.attr('data-top', top);
  return { svg, body, width, theme, hatch: `url(#${id}-hatch)`, id, interactive };
}

/**
 * The fill of series `i`: its colour, with a white pattern over it for series past the ones told
 * apart by lightness alone (the pattern is defined in the chart's <defs> on first use).
 */
export function seriesPaint(frame: Frame, i: number): string {
  const colour = seriesColour(i);
  const pattern = seriesPattern(i);
  if (pattern === 'none') return colour;
  const pid = `${frame.id}-series-${i}`;
  const defs = frame.svg.select<SVGDefsElement>('defs');
  if (defs.select(`#${pid}`).empty()) {
    const p = defs.append('pattern').attr('id', pid).attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6);
    p.append('rect').attr('width', 6).attr('height', 6).attr('fill', colour);
    if (pattern === 'stripes') p.attr('patternTransform', 'rotate(45)').append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#FFFFFF').attr('stroke-width', 2);
    else if (pattern === 'dots') p.append('circle').attr('cx', 3).attr('cy', 3).attr('r', 1.5).attr('fill', '#FFFFFF');
    else {
      p.append('line').attr('x1', 0).attr('y1', 3).attr('x2', 6).attr('y2', 3).attr('stroke', '#FFFFFF').attr('stroke-width', 1.2);
      p.append('line').attr('x1', 3).attr('y1', 0).attr('x2', 3).attr('y2', 6).attr('stroke', '#FFFFFF').attr('stroke-width', 1.2);
    }
  }
  return `url(#${pid})`;
}

/** An outline for fills too pale to stand out on white on their own (yellow, orange). */
export function outlineFor(colour: string): string | null {
  return /^#/.test(colour) && contrastRatio(colour, '#FFFFFF') < 3 ? '#000000' : null;
}

/** Write the notes under the plot and size the SVG (viewBox, so it scales to its container). */
export function finishFrame(frame: Frame, spec: ChartSpec, bodyHeight: number, bodyWidth = frame.width): void {
  const { svg, theme } = frame;
  const width = Math.max(frame.width, Math.ceil(bodyWidth));
  const top = Number(frame.body.attr('data-top'));
  frame.body.attr('data-top', null);
  let y = top + bodyHeight + 8;
  const notes = svg.append('g').attr('class', 'chart-notes').attr('fill', theme.muted).attr('aria-hidden', 'true');
  for (const note of spec.notes)
    for (const line of wrap(note, width - 2 * PAD, theme.fontSize - 1)) {
      y += theme.fontSize + 4;
      notes.append('text').attr('x', PAD).attr('y', y).attr('font-size', theme.fontSize - 1).text(line);
    }
  const height = Math.ceil(y + PAD);
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
}

/** Words for a value in an accessible label ("fewer than 10" → "fewer than 10 (suppressed)"). */
export function spoken(v: ChartValue): string {
  if (v.suppressed) return `${v.text.replace(/^</, 'fewer than ')} (suppressed)`;
  if (v.value === null) return v.text === '–' ? 'no value' : v.text;
  return v.text;
}

/**
 * In an interactive chart, make `mark` (a <g> with an aria-label) a button that names the table cell
 * behind its value: data-row and data-key, found by the app through event delegation. A value with
 * no ref (suppressed, missing, or a share rather than a count) stays a plain labelled mark.
 */
export function markTarget(frame: Frame, mark: Sel, v: ChartValue): void {
  if (!frame.interactive || !v.ref || v.suppressed) return;
  mark
    .attr('data-row', v.ref.row)
    .attr('data-key', v.ref.key)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('class', 'mark mark--evidence')
    .attr('aria-label', `${mark.attr('aria-label')} — open the segments`);
}
