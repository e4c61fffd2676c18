import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { openChorusDb, type ChorusDb } from '../../../renderer/db';
import { useProjectData, type ProjectData } from '../../../renderer/app/useProjectData';
import { newGuid } from '../../../shared/model';
import { surveyProject } from '../../db/survey-coding';

const WAIT = { timeout: 15_000 };

function Probe({ db, projectId, only, seen }: { db: ChorusDb; projectId: string; only?: readonly (keyof ProjectData)[]; seen: ProjectData[] }) {
  seen.push(useProjectData(db, projectId, only));
  return null;
}

describe('useProjectData', () => {
  it('reads every list by default, and with `only` just those (the rest stay empty)', async () => {
    const name = `project-data-${newGuid()}`;
    const p = await surveyProject(name);
    const db = await openChorusDb(name);
    const all: ProjectData[] = [];
    const some: ProjectData[] = [];
    render(
      <>
        <Probe db={db} projectId={p.projectId} seen={all} />
        <Probe db={db} projectId={p.projectId} only={['codes', 'sources']} seen={some} />
      </>,
    );
    await waitFor(() => expect(all.at(-1)!.documents.length).toBe(45), WAIT);
    await waitFor(() => expect(some.at(-1)!.codes.length).toBe(1), WAIT);
    const last = some.at(-1)!;
    expect(last.sources).toHaveLength(1);
    expect([last.documents, last.participants, last.variables]).toEqual([[], [], []]);
    expect(all.at(-1)!.participants).toHaveLength(30);
    db.close();
  });
});
