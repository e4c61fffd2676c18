/**
 * Reading many documents' texts at once (readStoredTexts): past a couple of thousand ids the texts
 * table is read by one cursor over the ids rather than a keyed read per id. Either way the texts
 * come back in the order asked, stored documents from the texts table and survey answers from
 * their dataset's blocks, and an id with no text is named.
 */
import { describe, expect, it } from 'vitest';
import { getDocumentTexts, importBundle, listDocuments, openChorusDb } from '../../renderer/db';
import { readStoredTexts } from '../../renderer/db/reads';
import { newGuid } from '../../shared/model';
import { smallBundle } from './fixtures';
import { surveyProject } from './survey-coding';

describe('many texts at once', () => {
  it('gives the same texts, in the order asked, as reads of a few ids at a time', async () => {
    const name = `read-texts-${newGuid()}`;
    const p = await surveyProject(name, 1500);
    const db = await openChorusDb(name);
    // stored documents of another project in the same store, and of this one's neighbour
    const b = smallBundle(4242);
    await importBundle(db, b);
    const survey = await listDocuments(db, p.projectId);
    const stored = await listDocuments(db, b.project.id);
    expect(survey.length).toBeGreaterThan(2000);
    expect(stored.length).toBeGreaterThan(0);
    // survey answers and stored documents interleaved, in no order of their own
    const ids = [...survey.map((d) => d.id), ...stored.map((d) => d.id)].map((id, i) => ({ id, k: (i * 7919) % 4099 })).sort((x, y) => x.k - y.k || (x.id < y.id ? -1 : 1)).map((x) => x.id);
    const all = await getDocumentTexts(db, ids);
    const few: string[] = [];
    for (let i = 0; i < ids.length; i += 300) few.push(...(await getDocumentTexts(db, ids.slice(i, i + 300))));
    expect(all).toEqual(few);
    expect(all.filter((t) => t.startsWith('First answer'))).toHaveLength(1500);
    // an id with no text at all is named
    await expect(readStoredTexts(db, [...ids, 'not-a-document'])).rejects.toThrow('Document not-a-document has no stored text');
    db.close();
  });
});
