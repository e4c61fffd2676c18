/** The shared combobox (WAI-ARIA 1.2 combobox with a listbox popup): keyboard, mouse and the ARIA state it keeps. */
import { describe, expect, it, vi } from 'vitest';
import { useMemo, useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { Combobox } from '../../../renderer/app/Combobox';

const FRUIT = ['Apple', 'Apricot', 'Banana', 'Blackberry', 'Cherry'];

/** A popup combobox over FRUIT, filtered by prefix, as the retraction picker uses it. */
function Popup({ onChoose, autoSelect = false }: { onChoose: (f: string) => void; autoSelect?: boolean }) {
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const options = useMemo(() => FRUIT.filter((f) => f.toLowerCase().startsWith(value.toLowerCase())), [value]);
  return (
    <>
      <label htmlFor="fruit">Fruit</label>
      <Combobox
        id="fruit"
        value={value}
        onInput={setValue}
        open={open}
        onOpenChange={setOpen}
        autoSelect={autoSelect}
        options={options}
        optionKey={(f) => f}
        renderOption={(f) => f}
        onChoose={(f) => {
          setValue(f);
          onChoose(f);
        }}
        listLabel="Matching fruit"
        status={`${options.length} match`}
        empty="Nothing matches."
      />
      <button type="button">Elsewhere</button>
    </>
  );
}

const input = () => screen.getByRole('combobox', { name: 'Fruit' }) as HTMLInputElement;
const activeText = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.textContent : undefined;
};
const key = (k: string, extra: Record<string, unknown> = {}) => fireEvent.keyDown(input(), { key: k, ...extra });

describe('Combobox (popup)', () => {
  it('is a labelled combobox that controls a listbox, closed at first', () => {
    render(<Popup onChoose={() => {}} />);
    const box = input();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('aria-autocomplete')).toBe('list');
    const list = document.getElementById(box.getAttribute('aria-controls')!)!;
    expect(list.getAttribute('role')).toBe('listbox');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('opens on ↓ with nothing active, moves with ↓/↑ (stopping at the ends), and Enter chooses the active option', () => {
    const onChoose = vi.fn();
    render(<Popup onChoose={onChoose} />);
    key('ArrowDown');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(FRUIT);
    expect(screen.getByRole('listbox', { name: 'Matching fruit' })).toBeTruthy();
    // manual selection: nothing is active yet, and Enter chooses nothing
    expect(activeText()).toBeUndefined();
    key('Enter');
    expect(onChoose).not.toHaveBeenCalled();
    key('ArrowDown');
    expect(activeText()).toBe('Apple');
    key('ArrowDown');
    key('ArrowDown');
    expect(activeText()).toBe('Banana');
    expect(screen.getByRole('option', { name: 'Banana' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('option', { name: 'Apple' }).getAttribute('aria-selected')).toBe('false');
    key('ArrowUp');
    expect(activeText()).toBe('Apricot');
    for (let i = 0; i < 9; i++) key('ArrowDown');
    expect(activeText()).toBe('Cherry');
    for (let i = 0; i < 9; i++) key('ArrowUp');
    expect(activeText()).toBe('Apple');
    key('ArrowDown');
    key('Enter');
    expect(onChoose).toHaveBeenCalledWith('Apricot');
    expect(input().value).toBe('Apricot');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('scrolls the option moved to with ↓/↑ into view, and nothing when the list merely opens', () => {
    const scroll = vi.fn();
    const had = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
    Element.prototype.scrollIntoView = scroll;
    try {
      render(<Popup onChoose={() => {}} />);
      key('ArrowDown');
      expect(scroll).not.toHaveBeenCalled();
      key('ArrowDown');
      key('ArrowDown');
      expect(scroll).toHaveBeenCalledTimes(2);
      expect(scroll.mock.contexts.at(-1)).toBe(screen.getByRole('option', { name: 'Apricot' }));
      expect(scroll).toHaveBeenLastCalledWith({ block: 'nearest' });
    } finally {
      if (had) Object.defineProperty(Element.prototype, 'scrollIntoView', had);
      else delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('↑ on an open list with nothing active goes to the last option', () => {
    render(<Popup onChoose={() => {}} />);
    key('ArrowUp'); // opens
    key('ArrowUp');
    expect(activeText()).toBe('Cherry');
  });

  it('opens as you type, filters, and makes nothing active again when the options change', () => {
    render(<Popup onChoose={() => {}} />);
    key('ArrowDown');
    key('ArrowDown');
    expect(activeText()).toBe('Apple');
    fireEvent.change(input(), { target: { value: 'b' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Banana', 'Blackberry']);
    expect(activeText()).toBeUndefined();
    expect(screen.getByText('2 match')).toBeTruthy();
    fireEvent.change(input(), { target: { value: 'bx' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('Nothing matches.')).toBeTruthy();
  });

  it('with autoSelect the first option is active as you type, so Enter takes it', () => {
    const onChoose = vi.fn();
    render(<Popup onChoose={onChoose} autoSelect />);
    fireEvent.change(input(), { target: { value: 'bl' } });
    expect(activeText()).toBe('Blackberry');
    key('Enter');
    expect(onChoose).toHaveBeenCalledWith('Blackberry');
  });

  it('Escape closes the list and leaves the text; Alt+↑ closes too; a click on the input opens it', () => {
    render(<Popup onChoose={() => {}} />);
    fireEvent.change(input(), { target: { value: 'a' } });
    expect(input().getAttribute('aria-expanded')).toBe('true');
    key('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().value).toBe('a');
    fireEvent.click(input());
    expect(input().getAttribute('aria-expanded')).toBe('true');
    key('ArrowUp', { altKey: true });
    expect(input().getAttribute('aria-expanded')).toBe('false');
    // Alt+↓ opens without moving
    key('ArrowDown', { altKey: true });
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(activeText()).toBeUndefined();
  });

  it('a click on an option chooses it (mouse down keeps the focus in the input); leaving the input closes the list', () => {
    const onChoose = vi.fn();
    render(<Popup onChoose={onChoose} />);
    input().focus();
    key('ArrowDown');
    const cherry = screen.getByRole('option', { name: 'Cherry' });
    // (mouse down is cancelled, so the input keeps the focus and the list stays for the click)
    expect(fireEvent.mouseDown(cherry)).toBe(false);
    fireEvent.click(cherry);
    expect(onChoose).toHaveBeenCalledWith('Cherry');
    expect(input().value).toBe('Cherry');
    key('ArrowDown');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    fireEvent.blur(input());
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Combobox (inline, as the quick-code box)', () => {
  function Inline({ onChoose, onEscape }: { onChoose: (f: string) => void; onEscape: () => void }) {
    const [value, setValue] = useState('');
    const options = useMemo(() => FRUIT.filter((f) => f.toLowerCase().includes(value.toLowerCase())), [value]);
    return (
      <>
        <label htmlFor="inline">Fruit</label>
        <Combobox id="inline" value={value} onInput={setValue} autoSelect options={options} optionKey={(f) => f} renderOption={(f) => f} onChoose={onChoose} listLabel="Matching fruit" onEscape={onEscape} />
      </>
    );
  }

  it('is always expanded with the first option active; Escape is the owner’s', () => {
    const onChoose = vi.fn();
    const onEscape = vi.fn();
    render(<Inline onChoose={onChoose} onEscape={onEscape} />);
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(activeText()).toBe('Apple');
    fireEvent.change(input(), { target: { value: 'rr' } });
    expect(activeText()).toBe('Blackberry');
    key('ArrowDown');
    expect(activeText()).toBe('Cherry');
    key('Enter');
    expect(onChoose).toHaveBeenCalledWith('Cherry');
    fireEvent.blur(input());
    expect(input().getAttribute('aria-expanded')).toBe('true');
    key('Escape');
    expect(onEscape).toHaveBeenCalledTimes(1);
  });
});
