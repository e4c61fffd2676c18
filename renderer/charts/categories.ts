/** Category labels down the left of bar charts and heatmaps: indented by level, shortened with the full name as a tooltip. */
import type { Category } from '../../shared/report/chart-spec';
import type { Sel } from './frame';
import { drawnTextWidth, textWidth, truncate } from './text';
import type { ChartTheme } from './theme';

const INDENT = 12;

/** Allowance for system fonts wider than the width estimate (DejaVu Sans draws about 12% wider). */
export const WIDE_FONT = 1.15;

/** Width of the label column: wide enough for most labels (in a wide font too), never more than `max`. */
export function labelColumnWidth(categories: Category[], theme: ChartTheme, max: number): number {
  const widest = categories.reduce((m, c) => Math.max(m, (c.level ?? 0) * INDENT + textWidth(c.label, theme.fontSize) * WIDE_FONT), 0);
  return Math.ceil(Math.min(max, Math.max(60, widest)) + 12);
}

/** Draw each category's label at x = 0 within `width`, vertically centred on `yOf(i)`. */
export function drawCategoryLabels(parent: Sel, categories: Category[], yOf: (i: number) => number, width: number, theme: ChartTheme): void {
  const g = parent.append('g').attr('class', 'category-labels');
  categories.forEach((c, i) => {
    const indent = (c.level ?? 0) * INDENT;
    const room = width - 12 - indent;
    let shown = truncate(c.label, room, theme.fontSize);
    const text = g
      .append('text')
      .attr('x', indent)
      .attr('y', yOf(i))
      .attr('dy', '0.35em')
      .attr('font-weight', c.level === 0 && categories.some((o) => (o.level ?? 0) > 0) ? 600 : null)
      .text(shown);
    // where the font draws wider than estimated, shorten until the drawn label fits its column
    const chars = [...shown.replace(/…$/, '')];
    while (chars.length > 1 && drawnTextWidth(text.node(), shown, theme.fontSize) > room) {
      chars.pop();
      shown = chars.join('').trimEnd() + '…';
      text.text(shown);
    }
    const full = c.fullLabel ?? c.label;
    if (shown !== c.label || full !== c.label) text.append('title').text(full);
  });
}

export const categoryName = (c: Category) => c.fullLabel ?? c.label;
