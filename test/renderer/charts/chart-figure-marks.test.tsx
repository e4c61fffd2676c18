/** ChartFigure with onOpenMark: a click, Enter or Space on a mark with a ref reports its table cell; suppressed marks and other keys do nothing. */
import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { forPublication } from '../../../shared/analysis';
import { frequencyChart, matrixHeatmap } from '../../../shared/report';
import { ChartFigure } from '../../../renderer/features/charts/ChartFigure';
import { frequencies, matrix } from '../../fixtures/charts/tables';

describe('ChartFigure marks open what is behind them', () => {
  it('click, Enter and Space on a bar report its row and column; other keys do not', () => {
    const table = frequencies();
    const open = vi.fn();
    const { container } = render(<ChartFigure spec={frequencyChart(table)} onOpenMark={open} />);
    const bars = [...container.querySelectorAll('[data-row][data-key]')];
    expect(bars).toHaveLength(table.rows.length);
    fireEvent.click(bars[2]!.querySelector('rect')!); // a click on the bar's rectangle finds its mark
    expect(open).toHaveBeenLastCalledWith({ row: 2, key: 'participants' });
    fireEvent.keyDown(bars[0]!, { key: 'Enter' });
    expect(open).toHaveBeenLastCalledWith({ row: 0, key: 'participants' });
    fireEvent.keyDown(bars[1]!, { key: ' ' });
    expect(open).toHaveBeenLastCalledWith({ row: 1, key: 'participants' });
    fireEvent.keyDown(bars[1]!, { key: 'a' });
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('a suppressed heatmap cell is no button and opens nothing', () => {
    const open = vi.fn();
    const { container } = render(<ChartFigure spec={matrixHeatmap(forPublication(matrix(), 10))} onOpenMark={open} />);
    const suppressed = [...container.querySelectorAll('.mark')].filter((m) => m.getAttribute('aria-label')?.includes('(suppressed)'));
    expect(suppressed.length).toBeGreaterThan(0);
    for (const m of suppressed) {
      expect(m.hasAttribute('data-row')).toBe(false);
      fireEvent.click(m);
      fireEvent.keyDown(m, { key: 'Enter' });
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('without onOpenMark the chart is a plain image: no buttons', () => {
    const { container } = render(<ChartFigure spec={frequencyChart(frequencies())} />);
    expect(container.querySelectorAll('[data-row], svg [role="button"]')).toHaveLength(0);
    expect(container.querySelector('svg')!.getAttribute('role')).toBe('img');
  });
});
