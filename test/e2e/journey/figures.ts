/**
 * Reading a result table off the screen and checking it against the table a shared/ pure
 * function returns for the same data: every header, every cell (numbers to the three decimals the
 * screen shows), in order.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnalysisTable, Cell, Column } from '../../../shared/analysis';

export interface ScreenTable {
  caption: string;
  headers: string[];
  /** Per row, per column: the cell's text, or its list items for a list of quotes. */
  rows: (string | string[])[][];
}

export async function screenTable(page: Page): Promise<ScreenTable> {
  return page.evaluate(() => {
    const table = document.querySelector('.result-table table');
    if (!table) throw new Error('no result table on screen');
    // what a sighted reader sees: without the screen-reader-only words (e.g. a count cell's "— open the segments: …")
    const text = (e: Element | null | undefined) => {
      if (!e) return '';
      const c = e.cloneNode(true) as Element;
      for (const h of c.querySelectorAll('.visually-hidden')) h.remove();
      return (c.textContent ?? '').replace(/[▲▼]/g, '').trim();
    };
    return {
      caption: text(table.querySelector('caption')),
      headers: [...table.querySelectorAll('thead th')].map(text),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((td) => {
          const items = td.querySelectorAll('ul.quotes li');
          return items.length ? [...items].map((li) => li.textContent ?? '') : text(td);
        }),
      ),
    };
  });
}

/** A screen cell against the pure function's value. */
function expectCell(shown: string | string[], col: Column, value: Cell | undefined, where: string): void {
  if (Array.isArray(value) && value.length > 0) {
    expect(shown, where).toEqual(value);
    return;
  }
  const text = Array.isArray(shown) ? shown.join('; ') : shown;
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    expect(text, where).toBe('—');
  } else if (typeof value === 'number') {
    const n = Number(text.replace(/,/g, '').replace(/%$/, ''));
    expect(Number.isNaN(n), `${where}: “${text}” is not a number`).toBe(false);
    expect(Math.abs(n - value), `${where}: screen ${text}, shared ${value}`).toBeLessThanOrEqual(0.0005 + 1e-9);
    if (col.type === 'percent') expect(text, where).toMatch(/%$/);
  } else if (typeof value === 'boolean') {
    expect(text, where).toBe(value ? 'yes' : 'no');
  } else if (Array.isArray(value)) {
    expect(text, where).toBe(''); // an empty list
  } else {
    expect(text, where).toBe(value);
  }
}

/** Every figure on screen equals the expected table's (the screen draws at most `maxRows` rows). */
export function expectScreenMatches(screen: ScreenTable, expected: AnalysisTable, maxRows = 500): void {
  expect(screen.caption.startsWith(expected.title), `caption “${screen.caption}” vs “${expected.title}”`).toBe(true);
  expect(screen.headers).toEqual(expected.columns.map((c) => c.label));
  expect(screen.rows.length).toBe(Math.min(expected.rows.length, maxRows));
  screen.rows.forEach((cells, r) => {
    expected.columns.forEach((col, c) => expectCell(cells[c]!, col, expected.rows[r]![col.key], `${expected.title}, row ${r + 1}, ${col.label}`));
  });
}
