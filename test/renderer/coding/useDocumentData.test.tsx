import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { execute, openChorusDb, type ChorusDb } from '../../../renderer/db';
import { useDocumentData } from '../../../renderer/features/coding/useDocumentData';
import { datasetDocumentId } from '../../../shared/import/dataset';
import { newGuid } from '../../../shared/model';
import { surveyProject } from '../../db/survey-coding';

/** fake-indexeddb under a loaded machine is slow: wait for the store, not for a fixed time. */
const WAIT = { timeout: 15_000 };

/** Every render's document and what the hook gave for it. */
function Probe({ db, documentId, seen }: { db: ChorusDb; documentId: string; seen: { documentId: string; text: string | undefined; codings: string[] | undefined }[] }) {
  const { text, codings } = useDocumentData(db, documentId);
  seen.push({ documentId, text, codings: codings?.map((c) => c.documentId) });
  return null;
}

describe('useDocumentData', () => {
  it('gives nothing for a newly opened document until its own text and codings are read, never the last document’s', async () => {
    const name = `document-data-${newGuid()}`;
    const p = await surveyProject(name);
    const db = await openChorusDb(name);
    const a = datasetDocumentId(p.datasetId, 0, 0);
    const b = datasetDocumentId(p.datasetId, 1, 0);
    for (const documentId of [a, b]) await execute(db, p.projectId, { type: 'applyCodings', spans: [{ documentId, codeId: p.codeId, start: 0, end: 5, coderId: p.coderId }] });
    const seen: { documentId: string; text: string | undefined; codings: string[] | undefined }[] = [];
    const view = render(<Probe db={db} documentId={a} seen={seen} />);
    await waitFor(() => expect(seen.at(-1)).toEqual({ documentId: a, text: 'First answer 0', codings: [a] }), WAIT);
    view.rerender(<Probe db={db} documentId={b} seen={seen} />);
    await waitFor(() => expect(seen.at(-1)).toEqual({ documentId: b, text: 'First answer 1', codings: [b] }), WAIT);
    const afterSwitch = seen.slice(seen.findIndex((s) => s.documentId === b));
    // (the first render for b came before its reads: the last document's results were still the live queries')
    expect(afterSwitch[0]).toEqual({ documentId: b, text: undefined, codings: undefined });
    for (const s of afterSwitch) {
      if (s.text !== undefined) expect(s.text).toBe('First answer 1');
      if (s.codings !== undefined) expect(s.codings).toEqual([b]);
    }
    view.unmount();
    db.close();
  });
});
