import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { importBundle, listCodes, listCodings, listDocuments, openChorusDb, type ChorusDb } from '../../../renderer/db';
import { DbContext } from '../../../renderer/app/dbContext';
import { CodebookPanel } from '../../../renderer/features/codebook/CodebookPanel';
import { codeCounts } from '../../../shared/coding/counts';
import { smallBundle } from '../../db/fixtures';

let n = 0;
function Harness({ db, pid, onStatus, canApply = false, onApply = () => {} }: { db: ChorusDb; pid: string; onStatus: (m: string) => void; canApply?: boolean; onApply?: (id: string) => void }) {
  const data = useLiveQuery(async () => ({ codes: await listCodes(db, pid), codings: await listCodings(db, { projectId: pid }), docs: await listDocuments(db, pid) }), [db, pid]);
  if (!data) return null;
  const counts = codeCounts(data.codes, data.codings, data.docs);
  const other = data.codes.find((c) => c.name === 'Being believed');
  return (
    <DbContext.Provider value={db}>
      <CodebookPanel
        projectId={pid}
        projectName="Test"
        codes={data.codes}
        counts={counts}
        canApply={canApply}
        onApply={onApply}
        shortcuts={new Map(other ? [[other.id, 1]] : [])}
        memos={new Set(data.codes.filter((c) => c.name === 'Updates and communication').map((c) => c.id))}
        coderId={null}
        onStatus={onStatus}
      />
    </DbContext.Provider>
  );
}

async function setup(canApply = false) {
  const db = await openChorusDb(`panel-${++n}`);
  const b = smallBundle(500 + n);
  await importBundle(db, b);
  const onStatus = vi.fn();
  const onApply = vi.fn();
  render(<Harness db={db} pid={b.project.id} onStatus={onStatus} canApply={canApply} onApply={onApply} />);
  await screen.findByRole('tree', { name: 'Codebook' });
  const byName = (name: string) => b.codes.find((c) => c.name === name)!;
  return { db, b, onStatus, onApply, byName, item: (name: RegExp) => screen.getByRole('treeitem', { name }) };
}

const names = () => within(screen.getByRole('tree')).getAllByRole('treeitem').map((i) => i.querySelector('.code-row__name')?.textContent);

/** A paragraph's whole text, names in <bdi> included (getByText alone matches one element's own text). */
const byText = (want: string | RegExp) => (_: string, el: Element | null) =>
  el?.tagName === 'P' && (typeof want === 'string' ? el.textContent === want : want.test(el.textContent ?? ''));

describe('CodebookPanel', () => {
  it('shows the nested tree with own counts, rolled-up counts when collapsed, key numbers and memo marks', async () => {
    const { item } = await setup();
    expect(names()).toEqual(['Updates and communication', 'Chasing for news', 'Being believed']);
    const parent = item(/^Updates and communication/);
    expect(parent.getAttribute('aria-expanded')).toBe('true');
    expect(parent.textContent).toContain('has a memo');
    expect(item(/^Being believed/).querySelector('kbd')?.textContent).toContain('1');
    const count = () => parent.querySelector<HTMLElement>('.code-row__count')!;
    expect(count().textContent).toBe('1 coding');
    expect(count().title).toContain('This code: 1 coding in 1 document, from 1 participant. With its subcodes: 2 codings');
    act(() => parent.focus());
    fireEvent.keyDown(screen.getByRole('tree'), { key: 'ArrowLeft' });
    expect(count().textContent).toBe('Σ 2 codings including subcodes');
  });

  it('reorders, indents and outdents with Alt + arrows', async () => {
    const { db, item, byName } = await setup();
    const tree = screen.getByRole('tree');
    act(() => item(/^Being believed/).focus());
    fireEvent.keyDown(tree, { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(names()).toEqual(['Being believed', 'Updates and communication', 'Chasing for news']), { timeout: 5000 });
    // The tree keeps focus on the moved code while the store's update arrives; focus the next one once it has settled.
    await waitFor(() => {
      act(() => item(/^Chasing for news/).focus());
      expect(document.activeElement?.textContent).toMatch(/^Chasing for news/);
    });
    fireEvent.keyDown(tree, { key: 'ArrowLeft', altKey: true });
    await waitFor(async () => expect((await db.codes.get(byName('Chasing for news').id))?.parentId).toBeNull(), { timeout: 5000 });
    expect(names()).toEqual(['Being believed', 'Updates and communication', 'Chasing for news']);
    fireEvent.keyDown(tree, { key: 'ArrowRight', altKey: true });
    await waitFor(async () => expect((await db.codes.get(byName('Chasing for news').id))?.parentId).toBe(byName('Updates and communication').id), { timeout: 5000 });
  });

  it('filters by name, keeping ancestors', async () => {
    await setup();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter codes' }), { target: { value: 'chasing' } });
    expect(names()).toEqual(['Updates and communication', 'Chasing for news']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter codes' }), { target: { value: 'zzz' } });
    expect(screen.getByText(byText('No code name contains “zzz”.'))).toBeTruthy();
  });

  it('deletes only after a confirmation that says how many codes and codings go', async () => {
    const { db, b, item, onStatus } = await setup();
    const confirm = vi.spyOn(window, 'confirm');
    act(() => item(/^Updates and communication/).focus());
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Updates and communication”?' });
    await within(dialog).findByText(byText(/This deletes 2 codes \(“Updates and communication” and 1 subcode\) and 2 codings/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onStatus).toHaveBeenCalledWith('Deleted 2 codes and 2 codings.'));
    expect(await listCodes(db, b.project.id)).toHaveLength(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('merges into a chosen target after showing what will happen', async () => {
    const { db, b, item, onStatus, byName } = await setup();
    act(() => item(/^Chasing for news/).focus());
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Merge into' }), { target: { value: byName('Updates and communication').id } });
    await within(dialog).findByText(byText(/1 coding of “Chasing for news” will move to “Updates and communication”. 1 coding overlaps/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(onStatus).toHaveBeenCalledWith(expect.stringContaining('Merged “Chasing for news” into “Updates and communication”')));
    expect((await listCodes(db, b.project.id)).map((c) => c.name).sort()).toEqual(['Being believed', 'Updates and communication']);
  });

  it('edits definition, criteria, example, keywords and colour in the details dialog', async () => {
    const { db, item, byName } = await setup();
    act(() => item(/^Being believed/).focus());
    fireEvent.click(screen.getByRole('button', { name: 'Details…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Definition'), { target: { value: 'Feeling believed' } });
    fireEvent.change(within(dialog).getByLabelText('Inclusion criteria'), { target: { value: 'Any mention of belief' } });
    fireEvent.change(within(dialog).getByLabelText('Autocode keywords'), { target: { value: 'believed; taken seriously' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'indigo' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect(await db.codes.get(byName('Being believed').id)).toMatchObject({ definition: 'Feeling believed', inclusion: 'Any mention of belief', keywords: ['believed', 'taken seriously'], colour: '#332288' }),
    );
  });

  it('applies the clicked code only when text is selected', async () => {
    const { onApply, byName } = await setup(true);
    fireEvent.click(within(screen.getByRole('tree')).getByText('Being believed'));
    expect(onApply).toHaveBeenCalledWith(byName('Being believed').id);
  });
});
