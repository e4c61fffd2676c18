/** Coder assignments and consensus decisions travel in chorus.json and come back intact (or are dropped if dangling). */
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readQdpx, writeQdpx } from '../../../shared/exchange/qdpx';
import type { ProjectBundle } from '../../../shared/model';
import { realisticBundle } from './bundle-fixture';

function withReliability(): ProjectBundle {
  const b = realisticBundle();
  const [a, c] = b.coders;
  const at = '2024-06-01T10:00:00Z';
  return {
    ...b,
    assignments: [
      { id: '11111111-1111-4111-8111-111111111111', projectId: b.project.id, coderId: a!.id, scope: 'source', targetId: b.sources[0]!.id },
      { id: '22222222-2222-4222-8222-222222222222', projectId: b.project.id, coderId: c!.id, scope: 'document', targetId: b.documents[1]!.id },
    ],
    decisions: [
      { id: '33333333-3333-4333-8333-333333333333', projectId: b.project.id, documentId: b.documents[0]!.id, codeId: b.codes[0]!.id, start: 4, end: 11, decision: 'apply', decidedBy: c!.id, at },
    ],
  };
}

describe('assignments and consensus decisions in the .qdpx sidecar', () => {
  it('round-trip through chorus.json', () => {
    const b = withReliability();
    const bytes = writeQdpx(b);
    const side = JSON.parse(strFromU8(unzipSync(bytes)['chorus.json']!)) as { assignments: unknown[]; decisions: unknown[] };
    expect(side.assignments).toEqual(b.assignments);
    expect(side.decisions).toEqual(b.decisions);
    const back = readQdpx(bytes, 'p.qdpx');
    expect(back.assignments).toEqual(b.assignments);
    expect(back.decisions).toEqual(b.decisions);
  });

  it('a file written before they existed reads with none; entries naming unknown coders or documents are dropped', () => {
    const b = withReliability();
    const files = unzipSync(writeQdpx(b));
    const side = JSON.parse(strFromU8(files['chorus.json']!)) as Record<string, unknown>;
    // a version 1 side file (before assignments, decisions, the redaction log and set members)
    for (const k of ['assignments', 'decisions', 'redactions', 'sets']) delete side[k];
    side.version = 1;
    const old = readQdpx(rezip(files, side), 'old.qdpx');
    expect(old.assignments ?? []).toEqual([]);
    expect(old.decisions ?? []).toEqual([]);
    const good = withReliability();
    const [a0, a1] = good.assignments ?? [];
    const [d0] = good.decisions ?? [];
    const dangling = {
      ...good,
      assignments: [{ ...a0!, coderId: '44444444-4444-4444-8444-444444444444' }, a1!],
      decisions: [{ ...d0!, documentId: '55555555-5555-4555-8555-555555555555' }],
    };
    const back = readQdpx(writeQdpx(dangling), 'd.qdpx');
    expect(back.assignments).toEqual([a1]);
    expect(back.decisions ?? []).toEqual([]);
  });
});

function rezip(files: Record<string, Uint8Array>, side: unknown): Uint8Array {
  return zipSync({ ...files, 'chorus.json': strToU8(JSON.stringify(side)) });
}
