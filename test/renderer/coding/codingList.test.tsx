import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { CodingList, VIRTUALISE_LIST_FROM } from '../../../renderer/features/coding/CodingList';
import type { ShownCoding } from '../../../renderer/features/coding/types';

/** Words of five characters and a space: word i is at 6i. */
const word = (i: number) => `w${String(i).padStart(4, '0')}`;
const text = Array.from({ length: 6000 }, (_, i) => word(i)).join(' ');
const coding = (i: number): ShownCoding => ({
  id: `c${i}`,
  start: i * 6,
  end: i * 6 + 5,
  codeId: `k${i % 3}`,
  codeName: `Code ${i % 3}`,
  colour: '#0072B2',
  coderName: 'Alex Morgan',
  coderInitials: 'AM',
});
/** Codings in reverse order of start, so the list has to sort them. */
const codings = (n: number) => Array.from({ length: n }, (_, i) => coding(n - 1 - i));
const items = (c: HTMLElement) => [...c.querySelectorAll<HTMLLIElement>('.coding-list__item')];

describe('CodingList', () => {
  // jsdom has no layout: give the scrolling list a 600 px view and each item 50 px, as a browser would.
  beforeEach(() => {
    const size = (el: HTMLElement, list: number, item: number) => (el.classList.contains('coding-list') ? list : el.classList.contains('coding-list__item') ? item : 0);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return size(this, 600, 50);
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return size(this, 320, 320);
    });
    // Scrolling: scrollTo moves scrollTop and fires 'scroll', as a browser does.
    const tops = new WeakMap<Element, number>();
    vi.spyOn(HTMLElement.prototype, 'scrollTop', 'get').mockImplementation(function (this: HTMLElement) {
      return tops.get(this) ?? 0;
    });
    Element.prototype.scrollTo = function (this: Element, opts?: ScrollToOptions | number) {
      tops.set(this, typeof opts === 'object' ? (opts.top ?? 0) : 0);
      this.dispatchEvent(new Event('scroll'));
    } as Element['scrollTo'];
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return size(this, 10_000_000, 50);
    });
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return size(this, 600, 50);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('renders a short list in full, sorted by position, with its size and positions', () => {
    const { container } = render(<CodingList text={text} codings={codings(12)} onRemove={() => {}} />);
    const li = items(container);
    expect(li).toHaveLength(12);
    expect(container.querySelector('.coding-list')!.hasAttribute('data-virtual')).toBe(false);
    expect(li.map((e) => e.getAttribute('aria-posinset'))).toEqual(li.map((_, i) => String(i + 1)));
    expect(li.every((e) => e.getAttribute('aria-setsize') === '12')).toBe(true);
    expect(li.map((e) => e.querySelector('.coding-list__quote')!.textContent)).toEqual(li.map((_, i) => word(i)));
    expect(container.querySelector('#coding-list-title')!.textContent).toContain('(12)');
  });

  it(`virtualises from ${VIRTUALISE_LIST_FROM} codings: a window of items, each telling its place in the whole list`, () => {
    const n = 5000;
    const { container } = render(<CodingList text={text} codings={codings(n)} onRemove={() => {}} />);
    const li = items(container);
    expect(container.querySelector('.coding-list')!.getAttribute('data-virtual')).toBe('true');
    expect(li.length).toBeGreaterThan(0);
    expect(li.length).toBeLessThan(100);
    expect(li.every((e) => e.getAttribute('aria-setsize') === String(n))).toBe(true);
    expect(li[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(li[0]!.querySelector('.coding-list__quote')!.textContent).toBe(word(0));
    expect(container.querySelector('#coding-list-title')!.textContent).toContain(`(${n})`);
  });

  it('moves focus between items with the arrow keys, Home and End (one tab stop), even to items not yet rendered', async () => {
    const n = 1000;
    const { container } = render(<CodingList text={text} codings={codings(n)} onRemove={() => {}} />);
    const tabbable = () => items(container).filter((e) => e.tabIndex === 0);
    expect(tabbable().map((e) => e.getAttribute('aria-posinset'))).toEqual(['1']);
    const first = tabbable()[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe(String(n)));
    expect(document.activeElement?.querySelector('.coding-list__quote')!.textContent).toBe(word(n - 1));
    expect(tabbable().map((e) => e.getAttribute('aria-posinset'))).toEqual([String(n)]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' }); // already last: stays
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe(String(n));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1'));
  });

  it('remove and memo buttons name the coding and pass it on', () => {
    const onRemove = vi.fn();
    const onMemo = vi.fn();
    const list = codings(3);
    const { getByRole } = render(<CodingList text={text} codings={list} onRemove={onRemove} onMemo={onMemo} memos={new Set(['c1'])} />);
    fireEvent.click(getByRole('button', { name: 'Remove coding “Code 0” from “w0000”' }));
    expect(onRemove).toHaveBeenCalledWith('c0');
    fireEvent.click(getByRole('button', { name: 'Edit the memo on coding “Code 1” of “w0001”' }));
    expect(onMemo).toHaveBeenCalledWith(list.find((c) => c.id === 'c1'));
  });

  it('re-renders only rows whose coding changed when a coding is added', () => {
    const list = codings(20);
    const { container, rerender } = render(<CodingList text={text} codings={list} onRemove={() => {}} />);
    const before = items(container);
    const added = { ...coding(2), id: 'new', codeName: 'Added' };
    rerender(<CodingList text={text} codings={[...list, added]} onRemove={() => {}} />);
    const after = items(container);
    expect(after).toHaveLength(21);
    expect(after.filter((e) => e.querySelector('.coding-list__code')!.textContent === 'Added')).toHaveLength(1);
    // The DOM nodes of the existing rows are kept (keyed by coding id).
    expect(before.every((e) => after.includes(e))).toBe(true);
  });
});
