import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { act, render, screen, waitFor } from '@testing-library/react';
import { commitImport, getDocumentTexts, importBundle, listCodings, listCodes, listSurveyParts, openChorusDb, type ChorusDb } from '../../../renderer/db';
import { DbContext } from '../../../renderer/app/dbContext';
import { SurveyGrid } from '../../../renderer/features/grid/SurveyGrid';
import { moveCursor, type Cursor } from '../../../renderer/features/grid/cursor';
import { gridHandler } from '../../../renderer/workers/grid-core';
import { readCodingChangesSince, readCodingColumns } from '../../../renderer/db/coding-journal';
import { localService } from '../../../renderer/workers/rpc';
import { RELEASE_FROM, type GridService } from '../../../renderer/workers/grid-client';
import { TableBuilder } from '../../../shared/import/mapping';
import { datasetDocumentId } from '../../../shared/import/dataset';
import { quickKeyCodes } from '../../../shared/coding/quick-keys';
import { seededGuids } from '../../../shared/model';
import { smallBundle } from '../../db/fixtures';

const ROWS = 40;
/** fake-indexeddb under a loaded machine is slow: wait for the store, not for a fixed time. */
const WAIT = { timeout: 15_000 };

/** A project with a codebook and a two-question survey imported as the app imports one (a dataset). */
async function surveyProject(name: string) {
  const db = await openChorusDb(name);
  const b = smallBundle(91);
  await importBundle(db, b);
  const guid = seededGuids(5);
  const builder = new TableBuilder(
    { columns: ['ID', 'Area', 'Q1', 'Q2'], descriptions: [] },
    { idColumn: 'ID', textColumns: ['Q1', 'Q2'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
    { projectId: b.project.id, newId: guid, now: '2026-01-01T00:00:00.000Z', fileName: 'survey.csv' },
  );
  const answers = builder.addRows(Array.from({ length: ROWS }, (_, i) => [`R${i + 1}`, i % 2 ? 'North' : 'South', `First answer of R${i + 1}.`, `Second answer of R${i + 1}.`]));
  const byRow = new Map<number, (string | null)[]>();
  for (const a of answers) (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
  await commitImport(
    db,
    b.project.id,
    {
      sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0,
      dataset: { id: builder.datasetId, rows: [[...byRow].map(([row, texts]) => ({ row, texts }))][Symbol.iterator](), documents: answers.length, participants: ROWS, rowCount: ROWS, dataset: () => builder.dataset() },
    },
    { fileNames: ['survey.csv'], checksum: 'x', by: 'Alex', redactions: {} },
  );
  return { db, project: b.project, datasetId: builder.datasetId };
}

function renderGrid(db: ChorusDb, project: Parameters<typeof SurveyGrid>[0]['project'], wrap: (s: GridService) => GridService = (s) => s) {
  const service = wrap(localService(
    gridHandler(async () => ({
      survey: (projectId) => listSurveyParts(db, projectId),
      codings: (projectId) => readCodingColumns(db, projectId),
      codingChanges: (since) => readCodingChangesSince(db, since),
      texts: (ids) => getDocumentTexts(db, ids),
    })),
  ));
  return render(
    <DbContext.Provider value={db}>
      <SurveyGrid project={project} service={service} />
    </DbContext.Provider>,
  );
}

/** Keys dispatched in one synchronous burst: React renders none of them before the next arrives. */
function burst(el: Element, keys: string[]) {
  for (const key of keys) el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

/** The survey's codings in the store (the bundle's own are left out). */
const surveyCodings = async (db: ChorusDb, projectId: string, datasetId: string) => (await listCodings(db, { projectId })).filter((c) => c.documentId.startsWith(datasetId));

/**
 * A survey project's grid laid out in a viewport, its first answer selected (by the first arrow
 * key), and the first quick-key code. Call inside a test: the layout stubs are restored after each.
 */
async function gridOnFirstAnswer(name: string) {
  const p = await surveyProject(name);
  // (jsdom lays nothing out: a viewport of 600 × 1000 px, so the grid puts its first rows in the DOM)
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  renderGrid(p.db, p.project);
  await screen.findByText(`Showing ${ROWS} of ${ROWS} responses`, undefined, WAIT);
  const grid = screen.getByRole('grid', { name: 'Survey responses' });
  const first = quickKeyCodes(await listCodes(p.db, p.project.id))[0]!;
  act(() => burst(grid, ['ArrowDown']));
  await waitFor(() => expect(document.querySelector('.grid-row--selected')).not.toBeNull(), WAIT);
  return { ...p, grid, first };
}

describe('survey grid keyboard', () => {
  afterEach(() => vi.restoreAllMocks());

  it('applies a burst of keys in order: Down ×3, Right, 2 codes the answer the cursor ended on', async () => {
    const { db, project, datasetId } = await surveyProject('grid-keys-burst');
    renderGrid(db, project);
    await screen.findByText(`Showing ${ROWS} of ${ROWS} responses`, undefined, WAIT);
    const grid = screen.getByRole('grid', { name: 'Survey responses' });
    const second = quickKeyCodes(await listCodes(db, project.id))[1]!;
    burst(grid, ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', '2']);
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe(''), WAIT);
    // The first key selects the first answer; three more move down to R4, Right to its second question.
    await screen.findByText(`Coded R4 – Q2 as “${second.name}”.`, undefined, WAIT);
    const codings = await surveyCodings(db, project.id, datasetId);
    expect(codings.map((c) => [c.documentId, c.codeId, c.start, c.end])).toEqual([[datasetDocumentId(datasetId, 3, 1), second.id, 0, 'Second answer of R4.'.length]]);

    // Up, 2, 2 in one burst: R3's second answer gets the code and loses it again (toggles run in order).
    burst(grid, ['ArrowUp', '2', '2']);
    await screen.findByText(`Removed “${second.name}” from R3 – Q2.`, undefined, WAIT);
    await waitFor(async () => expect(await surveyCodings(db, project.id, datasetId)).toHaveLength(1));
  }, 60_000);

  it('paints the stripe at the key press, before the coding is saved, and takes it back when the save fails', async () => {
    const { db, project, datasetId, grid, first } = await gridOnFirstAnswer('grid-keys-painted');
    const stripe = () => document.querySelector('.grid-row--selected td[aria-selected="true"] .grid-answer__codes .swatch');
    expect(stripe()).toBeNull();
    // the key's own render paints it: no store read or write has come back yet (each is a task away)
    act(() => burst(grid, ['1']));
    expect(stripe()).not.toBeNull();
    await screen.findByText(`Coded R1 – Q1 as “${first.name}”.`, undefined, WAIT);
    expect(stripe()).not.toBeNull();
    expect((await surveyCodings(db, project.id, datasetId)).map((c) => c.documentId)).toEqual([datasetDocumentId(datasetId, 0, 0)]);

    // a save that fails: the stripe painted at the key press is taken back, and the message says why
    db.codings.hook('creating', () => {
      throw new Error('The disk is full');
    });
    act(() => burst(grid, ['ArrowDown', '1']));
    expect(stripe()).not.toBeNull();
    await screen.findByText(/The disk is full/, undefined, WAIT);
    await waitFor(() => expect(stripe()).toBeNull(), WAIT);
    expect(await surveyCodings(db, project.id, datasetId)).toHaveLength(1);
  }, 60_000);

  it('keeps every stripe painted at a key press while the saves before it come back (none goes off and on again)', async () => {
    const { db, project, datasetId, grid, first } = await gridOnFirstAnswer('grid-keys-painted-burst');
    // the number of coded answers shown, every time the grid changes
    const shown = () => document.querySelectorAll('.grid-answer__codes .swatch').length;
    const seen: number[] = [];
    const watch = new MutationObserver(() => seen.push(shown()));
    watch.observe(grid, { subtree: true, childList: true, attributes: true });
    act(() => burst(grid, ['1', 'ArrowDown', '1', 'ArrowDown', '1', 'ArrowDown', '1']));
    expect(shown()).toBe(4);
    await screen.findByText(`Coded R4 – Q1 as “${first.name}”.`, undefined, WAIT);
    await waitFor(async () => expect(await surveyCodings(db, project.id, datasetId)).toHaveLength(4), WAIT);
    // (and once the worker's views asked for meanwhile have come back, still the four)
    await new Promise((r) => setTimeout(r, 500));
    watch.disconnect();
    expect(seen.filter((n) => n < 4)).toEqual([]);
    expect(shown()).toBe(4);
  }, 60_000);

  it('gives a large survey’s worker back when the grid is left, and keeps a small one’s', async () => {
    const { db, project } = await surveyProject('grid-release');
    for (const total of [ROWS, RELEASE_FROM]) {
      const release = vi.fn();
      // (the worker's reply says the survey has `total` responses: the policy reads no more than that)
      const { unmount } = renderGrid(db, project, (s) => ({
        ...s,
        release,
        call: async (req) => {
          const reply = await s.call(req);
          return reply.ok && reply.kind === 'view' ? { ...reply, view: { ...reply.view, total } } : reply;
        },
      }));
      await screen.findByText(new RegExp(`of ${total.toLocaleString('en-GB')} responses`), undefined, WAIT);
      expect(release).not.toHaveBeenCalled();
      unmount();
      expect(release).toHaveBeenCalledTimes(total >= RELEASE_FROM ? 1 : 0);
    }
    // left before the first view arrived (the survey's size not known yet): given back too
    const release = vi.fn();
    let answer = () => {};
    const held = new Promise<void>((r) => (answer = r));
    const { unmount } = renderGrid(db, project, (s) => ({ ...s, release, call: async (req) => (await held, s.call(req)) }));
    unmount();
    expect(release).toHaveBeenCalledTimes(1);
    answer();
  }, 60_000);

  it('moves the cursor within the grid whatever the keys (property)', () => {
    const keys = fc.constantFrom('ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp', 'Home', 'End', 'x');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 30 }), fc.array(keys, { maxLength: 40 }), (rows, questions, page, seq) => {
        let c: Cursor | null = null;
        for (const k of seq) {
          const before: Cursor | null = c;
          c = moveCursor(c, k, { rows, questions, page });
          if (rows === 0) expect(c).toBeNull();
          if (!c) continue;
          expect(c.position).toBeGreaterThanOrEqual(0);
          expect(c.position).toBeLessThan(rows);
          expect(c.question).toBeGreaterThanOrEqual(0);
          expect(c.question).toBeLessThanOrEqual(Math.max(0, questions - 1));
          if (before && k === 'ArrowDown') expect(c.position).toBe(Math.min(rows - 1, before.position + 1));
          if (before && (k === 'ArrowDown' || k === 'ArrowUp')) expect(c.question).toBe(before.question);
          if (before && k === 'ArrowRight') expect(c.position).toBe(before.position);
        }
      }),
    );
    expect(moveCursor({ position: 3, question: 0 }, 'End', { rows: 10, questions: 2, page: 4 })).toEqual({ position: 9, question: 0 });
    expect(moveCursor({ position: 3, question: 1 }, 'PageUp', { rows: 10, questions: 2, page: 4 })).toEqual({ position: 0, question: 1 });
  });
});
