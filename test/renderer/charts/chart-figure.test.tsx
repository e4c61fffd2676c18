/** ChartFigure: Save as SVG hands renderChartSvg's bytes to the platform's save-file API; "Show the data" shows chartDataTable. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chartDataTable, codeIconArray, cooccurrenceNetwork, frequencyChart } from '../../../shared/report';
import { renderChartSvg } from '../../../renderer/charts/svg';
import { frequencies, cooccurrenceTable } from '../../fixtures/charts/tables';

const saveFile = vi.fn(async (_name: string, _bytes: Uint8Array, _mime: string) => true);
vi.mock('../../../renderer/platform', () => ({ getPlatform: () => ({ saveFile }) }));

const { ChartFigure } = await import('../../../renderer/features/charts/ChartFigure');
const { ChartPanel } = await import('../../../renderer/features/analysis/ChartPanel');

beforeEach(() => saveFile.mockClear());

describe('ChartFigure', () => {
  it('Save as SVG saves exactly what renderChartSvg draws, named after the title', async () => {
    const spec = frequencyChart(frequencies(), { title: 'Contact: most said' });
    const status = vi.fn();
    render(<ChartFigure spec={spec} onStatus={status} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save as SVG' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [name, bytes, mime] = saveFile.mock.calls[0]!;
    expect(name).toBe('Contact most said.svg');
    expect(mime).toBe('image/svg+xml');
    expect(new TextDecoder().decode(bytes)).toBe(renderChartSvg(spec, document, { width: 800 }));
    await waitFor(() => expect(status).toHaveBeenCalledWith('Saved Contact most said.svg.'));
  });

  it('"Show the data" toggles a table equal to chartDataTable', () => {
    const spec = cooccurrenceNetwork(cooccurrenceTable());
    render(<ChartFigure spec={spec} />);
    const toggle = screen.getByRole('button', { name: 'Show the data' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the data' }).getAttribute('aria-expanded')).toBe('true');
    const table = screen.getByRole('table');
    const expected = chartDataTable(spec);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(expected.headers);
    expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual(expected.rows);
    expect(within(table).getByText(expected.caption, { selector: 'caption' })).toBeTruthy();
  });

  it('a failed PNG save is reported, not thrown (jsdom has no image decoding)', async () => {
    const status = vi.fn();
    render(<ChartFigure spec={frequencyChart(frequencies())} onStatus={status} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save as PNG' }));
    await waitFor(() => expect(status).toHaveBeenCalledWith(expect.stringMatching(/^The chart could not be saved: /)));
    expect(saveFile).not.toHaveBeenCalled();
  });
});

describe('ChartPanel views', () => {
  it('frequencies offer ranked bars, the codebook hierarchy and an icon array for a chosen code', () => {
    const { container } = render(<ChartPanel table={frequencies()} measure="n" />);
    const view = screen.getByRole('combobox', { name: 'Chart' });
    expect([...view.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Bars, codebook order', 'Bars, highest first', 'Codebook hierarchy (treemap)', 'One code in plain language (icons)']);
    fireEvent.change(view, { target: { value: 'hierarchy' } });
    expect(container.querySelector('svg')!.getAttribute('data-chart-kind')).toBe('treemap');
    fireEvent.change(view, { target: { value: 'icons' } });
    expect(container.querySelector('svg')!.getAttribute('data-chart-kind')).toBe('icon-array');
    fireEvent.change(screen.getByRole('combobox', { name: 'Code' }), { target: { value: 'C2' } });
    expect(container.querySelector('svg > title')!.textContent).toBe(codeIconArray(frequencies(), { codeId: 'C2' }).title);
  });

  it('co-occurrence offers a network as an alternative to the heatmap', () => {
    const { container } = render(<ChartPanel table={cooccurrenceTable()} measure="n" />);
    expect(container.querySelector('svg')!.getAttribute('data-chart-kind')).toBe('heatmap');
    fireEvent.change(screen.getByRole('combobox', { name: 'Chart' }), { target: { value: 'network' } });
    expect(container.querySelector('svg')!.getAttribute('data-chart-kind')).toBe('network');
  });
});
