import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { execute, listDocuments, listParticipants } from '../../../renderer/db';
import { OpenSurveyTables } from '../../../renderer/app/useSurveyTablesOpened';
import { datasetDocumentId } from '../../../shared/import/dataset';
import { newGuid } from '../../../shared/model';
import { reopenCounting, surveyProject } from '../../db/survey-coding';

/** fake-indexeddb under a loaded machine is slow: wait for the store, not for a fixed time. */
const WAIT = { timeout: 15_000 };

describe('the workbench opens a project’s survey tables ahead of the first coding', () => {
  it('reads each table once when the window is idle; the first coding and the document lists then read no dataset record', async () => {
    const name = `tables-opened-${newGuid()}`;
    const p = await surveyProject(name);
    const { db, reads } = await reopenCounting(name);
    const view = render(<OpenSurveyTables db={db} projectId={p.projectId} />);
    await waitFor(() => expect(reads.records).toBe(1), WAIT);
    // (the lists are made after the record is read, a slice at a time: wait until a list costs no read and no rebuild)
    await waitFor(async () => expect(await listDocuments(db, p.projectId)).toHaveLength(45), WAIT);
    const before = reads.records;
    const { result } = await execute(db, p.projectId, { type: 'applyCodings', spans: [{ documentId: datasetDocumentId(p.datasetId, 6, 0), codeId: p.codeId, start: 0, end: 5, coderId: p.coderId }] });
    expect(result).toHaveLength(1);
    expect(await listParticipants(db, p.projectId)).toHaveLength(30);
    expect(reads.records).toBe(before);
    // closing the project lets its tables go: the next list reads the record again
    view.unmount();
    await listDocuments(db, p.projectId);
    expect(reads.records).toBe(before + 1);
    db.close();
  });
});
