import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { execute, listCodes, openChorusDb } from '../../../renderer/db';
import { DbContext } from '../../../renderer/app/dbContext';
import { SplitCodeDialog } from '../../../renderer/features/codebook/SplitCodeDialog';
import { datasetDocumentId } from '../../../shared/import/dataset';
import { newGuid } from '../../../shared/model';
import { surveyProject } from '../../db/survey-coding';

/** fake-indexeddb under a loaded machine is slow: wait for the store, not for a fixed time. */
const WAIT = { timeout: 15_000 };

describe('SplitCodeDialog', () => {
  it('lists the code’s codings with their documents’ titles and quotes, read by id from a survey table', async () => {
    const name = `split-${newGuid()}`;
    const p = await surveyProject(name);
    const db = await openChorusDb(name);
    for (const [row, start, end] of [[3, 0, 5], [3, 6, 12], [8, 0, 12]] as const) {
      await execute(db, p.projectId, { type: 'applyCodings', spans: [{ documentId: datasetDocumentId(p.datasetId, row, 0), codeId: p.codeId, start, end, coderId: p.coderId }] });
    }
    const code = (await listCodes(db, p.projectId)).find((c) => c.id === p.codeId)!;
    render(
      <DbContext.Provider value={db}>
        <SplitCodeDialog code={code} onClose={() => {}} onDone={() => {}} />
      </DbContext.Provider>,
    );
    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(3), WAIT);
    const items = [...document.querySelectorAll('.split-list__item')].map((e) => e.textContent);
    // (the answers are "First answer 3" and "First answer 8"; titles are "record – question")
    expect(items).toEqual(['First — R3 – Q1', 'answer — R3 – Q1', 'First answer — R8 – Q1']);
    db.close();
  });
});
