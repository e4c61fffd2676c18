import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render } from '@testing-library/react';
import type { DocumentMeta, Source } from '../../../shared/model';
import { DocumentList } from '../../../renderer/features/sources/DocumentList';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../../../renderer/features/sources/SourceGroupView';

const NOW = '2026-01-01T00:00:00.000Z';
const source = (id: string, name: string, kind: Source['kind']): Source => ({ id, projectId: 'p', name, kind, description: '', createdAt: NOW });
const doc = (id: string, sourceId: string, title: string): DocumentMeta => ({
  id, projectId: 'p', sourceId, participantId: null, title, kind: 'response', length: 1, turns: [], createdAt: NOW,
});
const sources = [source('s', 'Wave 1 survey', 'survey'), source('i', 'Interviews', 'interview')];
/** 5,000 survey responses (in reverse, so the list has to sort them) and three interviews. */
const documents = [
  ...Array.from({ length: 5000 }, (_, k) => doc(`r${5000 - k}`, 's', `${String(5000 - k).padStart(6, '0')} – What could we have done better?`)),
  ...['Carol', 'Alice', 'Bob'].map((n) => doc(`i-${n}`, 'i', `Interview with ${n}`)),
];
const links = (c: HTMLElement) => [...c.querySelectorAll<HTMLButtonElement>('.doc-link')];
const headers = (c: HTMLElement) => [...c.querySelectorAll<HTMLButtonElement>('.source-group__toggle')];

describe('DocumentList', () => {
  // jsdom has no layout: give the scrolling list a 600 px view, as a browser would.
  beforeEach(() => {
    const size = (el: HTMLElement, n: number) => (el.classList.contains('document-list__scroll') ? n : 0);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) { return size(this, 600); });
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) { return size(this, 600); });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) { return size(this, 280); });
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) { return size(this, 280); });
    // The list's full height: its padding (the rows not rendered) plus the rows rendered.
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      const rows = this.classList.contains('document-list__scroll') ? this.querySelector<HTMLElement>('.document-list__rows') : null;
      if (!rows) return 0;
      return (parseFloat(rows.style.paddingTop) || 0) + (parseFloat(rows.style.paddingBottom) || 0) + HEADER_HEIGHT * rows.querySelectorAll('.source-group__toggle').length + ROW_HEIGHT * rows.querySelectorAll('.doc-link').length;
    });
    const tops = new WeakMap<Element, number>();
    vi.spyOn(HTMLElement.prototype, 'scrollTop', 'get').mockImplementation(function (this: HTMLElement) { return tops.get(this) ?? 0; });
    Element.prototype.scrollTo = function (this: Element, opts?: ScrollToOptions | number) {
      tops.set(this, typeof opts === 'object' ? (opts.top ?? 0) : 0);
      this.dispatchEvent(new Event('scroll'));
    } as Element['scrollTo'];
  });
  afterEach(() => vi.restoreAllMocks());

  const setup = (currentId: string | null = null) => {
    const onOpen = vi.fn();
    const r = render(<DocumentList sources={sources} documents={documents} currentId={currentId} onOpen={onOpen} />);
    return { ...r, onOpen };
  };

  it('renders only the rows near the view, sources in name order and documents in title order', () => {
    const { container } = setup();
    const shown = links(container);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(60);
    expect(headers(container)[0]!.textContent).toContain('Interviews');
    expect(headers(container)[0]!.textContent).toContain('interview · 3 documents');
    expect(shown.slice(0, 4).map((l) => l.textContent)).toEqual(['Interview with Alice', 'Interview with Bob', 'Interview with Carol', '000001 – What could we have done better?']);
    expect(container.querySelector('.document-list__count')!.textContent).toBe('5,003 documents');
    expect(container.querySelector('li')!.getAttribute('aria-setsize')).toBe('3');
    // One tab stop for the whole list.
    expect(container.querySelectorAll('.document-list__rows [tabindex="0"]')).toHaveLength(1);
  });

  it('filters by title, showing “n of total” in the header, and opens a match', () => {
    const { container, getByLabelText, onOpen } = setup();
    fireEvent.change(getByLabelText('Filter documents by title'), { target: { value: '004321' } });
    expect(links(container).map((l) => l.textContent)).toEqual(['004321 – What could we have done better?']);
    expect(headers(container).map((h) => h.textContent)).toEqual(['▾Wave 1 surveysurvey · 1 of 5,000']);
    expect(container.querySelector('.document-list__count')!.textContent).toBe('1 of 5,003 documents match');
    fireEvent.click(links(container)[0]!);
    expect(onOpen).toHaveBeenCalledWith('r4321');
    fireEvent.change(getByLabelText('Filter documents by title'), { target: { value: 'nobody' } });
    expect(container.textContent).toContain('No documents match.');
  });

  it('collapses and expands a source with its header button', () => {
    const { container } = setup();
    const interviews = headers(container)[0]!;
    expect(interviews.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(interviews);
    expect(headers(container)[0]!.getAttribute('aria-expanded')).toBe('false');
    expect(links(container).some((l) => l.textContent?.startsWith('Interview'))).toBe(false);
    expect(headers(container)[1]!.textContent).toContain('Wave 1 survey');
    fireEvent.click(headers(container)[0]!);
    expect(links(container)[0]!.textContent).toBe('Interview with Alice');
  });

  it('moves between rows with the arrow keys, Home and End, keeping one tab stop', () => {
    const { container } = setup();
    const first = headers(container)[0]!;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement!.textContent).toBe('Interview with Alice');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(headers(container)[0]);
    expect(container.querySelector('.source-group__pinned')).toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement!.textContent).toBe('005000 – What could we have done better?');
    // Deep in the survey, its header is pinned at the top (for the mouse; hidden from assistive technology).
    const pinned = container.querySelector('.source-group__pinned')!;
    expect(pinned.getAttribute('aria-hidden')).toBe('true');
    expect(pinned.textContent).toContain('Wave 1 survey');
    expect(pinned.querySelector('button')!.tabIndex).toBe(-1);
    expect(container.querySelectorAll('.document-list__rows [tabindex="0"]')).toHaveLength(1);
    expect(links(container).length).toBeLessThan(60);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement!.textContent).toBe('004999 – What could we have done better?');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(headers(container)[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' }); // collapses
    expect(headers(container)[0]!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' }); // expands
    expect(headers(container)[0]!.getAttribute('aria-expanded')).toBe('true');
  });

  it('makes a row focused by the mouse the tab stop', () => {
    const { container } = setup();
    const bob = links(container)[1]!;
    act(() => bob.focus());
    expect(container.querySelectorAll('.document-list__rows [tabindex="0"]')).toHaveLength(1);
    expect(links(container)[1]!.tabIndex).toBe(0);
  });

  it('highlights the current document and reveals it when it changes, expanding its source', () => {
    const { container, rerender, onOpen } = setup();
    fireEvent.click(headers(container)[1]!); // collapse the survey
    expect(headers(container)[1]!.getAttribute('aria-expanded')).toBe('false');
    rerender(<DocumentList sources={sources} documents={documents} currentId="r3000" onOpen={onOpen} />);
    const current = container.querySelector('[aria-current="page"]');
    expect(current?.textContent).toBe('003000 – What could we have done better?');
    expect(current?.getAttribute('tabindex')).toBe('0');
    expect(links(container).length).toBeLessThan(60);
  });

  it('keeps the current document in view when the filter is cleared', () => {
    const { container, getByLabelText } = setup('r4500');
    const filter = getByLabelText('Filter documents by title');
    fireEvent.change(filter, { target: { value: '0045' } });
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('004500 – What could we have done better?');
    fireEvent.change(filter, { target: { value: '' } });
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('004500 – What could we have done better?');
    fireEvent.change(filter, { target: { value: 'Interview' } });
    expect(links(container).map((l) => l.textContent)).toEqual(['Interview with Alice', 'Interview with Bob', 'Interview with Carol']);
  });

  it('says so when the project has no documents', () => {
    const { container } = render(<DocumentList sources={[]} documents={[]} currentId={null} onOpen={() => {}} />);
    expect(container.textContent).toContain('This project has no documents yet.');
  });

  it('lists a survey-sized list after preparing it in slices: "Listing …" first, then the rows in title order', async () => {
    // 60,000 answers out of order (so they are sorted after the slices of order checks) and the interviews
    const many = [...Array.from({ length: 60_000 }, (_, k) => doc(`m${k}`, 's', `${String((k * 7919) % 60_000).padStart(6, '0')} – Q`)), ...documents.slice(5000)];
    const r = render(<DocumentList sources={sources} documents={many} currentId={null} onOpen={vi.fn()} />);
    expect(r.container.querySelector('.empty')?.textContent).toBe('Listing 60,003 documents…');
    expect(links(r.container)).toHaveLength(0);
    await vi.waitFor(() => expect(links(r.container).length).toBeGreaterThan(0), { timeout: 15_000 });
    expect(headers(r.container).map((h) => h.textContent)).toEqual([expect.stringContaining('Interviews'), expect.stringContaining('Wave 1 survey')]);
    expect(links(r.container).slice(3, 6).map((l) => l.textContent)).toEqual(['000000 – Q', '000001 – Q', '000002 – Q']);
    // the first filter: the whole list stays while the titles are lower-cased in slices, then the matches
    fireEvent.change(r.getByLabelText('Filter documents by title'), { target: { value: '04321' } });
    expect(r.container.querySelector('.document-list__count')?.textContent).toBe('Filtering 60,003 documents…');
    expect(links(r.container).length).toBeGreaterThan(3);
    const matches = (needle: string) => many.filter((d) => d.title.toLowerCase().includes(needle)).length;
    expect(matches('04321')).toBeGreaterThan(1);
    await vi.waitFor(() => expect(r.container.querySelector('.document-list__count')?.textContent).toBe(`${matches('04321')} of 60,003 documents match`), { timeout: 15_000 });
    expect(links(r.container).every((l) => l.textContent!.includes('04321'))).toBe(true);
    // typing on narrows at once (the keys are made)
    fireEvent.change(r.getByLabelText('Filter documents by title'), { target: { value: '0432' } });
    expect(r.container.querySelector('.document-list__count')?.textContent).toBe(`${matches('0432')} of 60,003 documents match`);
  }, 30_000);
});
