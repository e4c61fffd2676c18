import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CodebookPanel } from '../../renderer/features/codebook/CodebookPanel';
import type { Code } from '../../shared/model';

let n = 0;
function code(name: string, parentId: string | null, order = 0): Code {
  n++;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, projectId: '00000000-0000-4000-8000-ffffffffffff', parentId, name, definition: '', inclusion: '', exclusion: '', example: '', colour: '#E69F00', order, keywords: [], createdAt: '2025-01-01' };
}

function setup(canApply = false) {
  const contact = code('Contact', null, 0);
  const kept = code('Kept informed', contact.id, 0);
  const ignored = code('Not called back', contact.id, 1);
  const respect = code('Respect', null, 1);
  const codes = [respect, ignored, kept, contact];
  const handlers = {
    onApply: vi.fn(),
    onCreate: vi.fn(async (parentId: string | null) => code('New code', parentId)),
    onRename: vi.fn(),
    onMove: vi.fn(),
    onDelete: vi.fn(),
  };
  const counts = new Map([[kept.id, 3]]);
  render(<CodebookPanel codes={codes} counts={counts} canApply={canApply} {...handlers} />);
  return { contact, kept, ignored, respect, handlers };
}

describe('CodebookPanel', () => {
  it('renders the codebook as a nested tree in order, with counts', () => {
    setup();
    const tree = screen.getByRole('tree', { name: 'Codebook' });
    const items = within(tree).getAllByRole('treeitem');
    expect(items.map((i) => i.textContent)).toEqual([
      '▾Contact0 codings',
      'Kept informed3 codings',
      'Not called back0 codings',
      'Respect0 codings',
    ]);
    expect(items.map((i) => i.getAttribute('aria-level'))).toEqual(['1', '2', '2', '1']);
    expect(items.map((i) => i.getAttribute('aria-posinset') + '/' + i.getAttribute('aria-setsize'))).toEqual(['1/2', '1/2', '2/2', '2/2']);
    expect(items.map((i) => i.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(items[0]!.getAttribute('aria-expanded')).toBe('true');
  });

  it('collapses and expands with the arrow keys, and moves focus', () => {
    setup();
    const tree = screen.getByRole('tree');
    const first = screen.getByRole('treeitem', { name: /^Contact/ });
    act(() => first.focus());
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(screen.queryByRole('treeitem', { name: /Kept informed/ })).toBeNull();
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('treeitem', { name: /Kept informed/ }));
  });

  it('renames inline with F2 and Enter, and cancels with Escape', () => {
    const { kept, handlers } = setup();
    const item = screen.getByRole('treeitem', { name: /Kept informed/ });
    act(() => item.focus());
    fireEvent.keyDown(screen.getByRole('tree'), { key: 'F2' });
    const field = screen.getByRole('textbox', { name: 'Code name' });
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: '  Kept up to date ' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(handlers.onRename).toHaveBeenCalledWith(kept.id, 'Kept up to date');
    expect(screen.queryByRole('textbox', { name: 'Code name' })).toBeNull();

    fireEvent.doubleClick(within(screen.getByRole('tree')).getByText('Respect'));
    const again = screen.getByRole('textbox', { name: 'Code name' });
    fireEvent.change(again, { target: { value: 'Dignity' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(handlers.onRename).toHaveBeenCalledTimes(1);
  });

  it('nests with the keyboard through “Move to…”, offering no descendant as parent', () => {
    const { contact, kept, respect, handlers } = setup();
    act(() => screen.getByRole('treeitem', { name: /^Contact/ }).focus());
    const select = screen.getByRole('combobox', { name: 'Move to…' }) as HTMLSelectElement;
    const option = (id: string) => select.querySelector<HTMLOptionElement>(`option[value="${id}"]`)!;
    expect(option(contact.id).disabled).toBe(true);
    expect(option(kept.id).disabled).toBe(true);
    expect(option(respect.id).disabled).toBe(false);
    fireEvent.change(select, { target: { value: respect.id } });
    expect(handlers.onMove).toHaveBeenCalledWith(contact.id, respect.id);
  });

  it('applies the clicked code only when text is selected', () => {
    const { kept, handlers } = setup(true);
    fireEvent.click(within(screen.getByRole('tree')).getByText('Kept informed'));
    expect(handlers.onApply).toHaveBeenCalledWith(kept.id);
  });

  it('creates a subcode under the focused code and opens it for renaming', async () => {
    const { contact, handlers } = setup();
    act(() => screen.getByRole('treeitem', { name: /^Contact/ }).focus());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'New subcode' })));
    expect(handlers.onCreate).toHaveBeenCalledWith(contact.id);
  });
});
