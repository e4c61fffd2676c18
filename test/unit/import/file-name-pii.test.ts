/**
 * A transcript's file name becomes its title and its participant's pseudonym, so it passes the
 * same gate as the text: a name in it is a finding, and after "redact" or "pseudonymise" no
 * title or pseudonym keeps it.
 */
import { describe, expect, it } from 'vitest';
import { buildBatchFromTranscripts, type ImportBatch } from '../../../shared/import/mapping';
import { applyDecisions, scanBatches } from '../../../shared/import/pipeline';
import { seededGuids } from '../../../shared/model';
import { fileNameAsWords } from '../../../shared/privacy/file-names';

const TEXT = 'Interviewer: How were you kept informed?\nParticipant: Nobody rang me back for weeks.\n';

function batch(...names: string[]): ImportBatch {
  return buildBatchFromTranscripts(names.map((name) => ({ name, text: TEXT })), { name: 'Interviews', kind: 'interview' }, { projectId: '11111111-1111-4111-8111-111111111111', newId: seededGuids(5), now: '2026-01-01T00:00:00Z' });
}

describe('file names used as titles', () => {
  it('are read as words offset for offset (separators become spaces, lower case becomes title case)', () => {
    const cases: [string, string][] = [
      ['Interview_Jane_Smith_2024-03', 'Interview Jane Smith 2024-03'],
      ['jane-smith-interview', 'Jane Smith Interview'],
      ['John.Smith.call', 'John Smith call'],
      ['Focus group 3 – Leeds', 'Focus group 3 – Leeds'],
      ['P07 Anna-Louise Marsh', 'P07 Anna-Louise Marsh'],
    ];
    for (const [name, words] of cases) {
      expect(fileNameAsWords(name)).toBe(words);
      expect(fileNameAsWords(name)).toHaveLength(name.length);
    }
  });

  it('a name in a file name is a finding at the title; a plain name is not', () => {
    const b = batch('Interview_Jane_Smith_2024-03.txt', 'jane-smith-followup.docx', 'Focus group 3 – Leeds.txt', 'interview_notes_final.txt');
    const titles = scanBatches([b]).filter((f) => f.place.kind === 'title');
    const names = titles.map((f) => b.documents[(f.place as { doc: number }).doc]!.title.slice(f.start, f.end));
    // (a lower-case name runs on into the next word: more is hidden, never less)
    expect(names).toEqual(['Jane_Smith', expect.stringMatching(/^jane-smith/)]);
    expect(titles[0]!.key).toBe('jane smith');
  });

  for (const decision of ['redact', 'pseudonymise'] as const) {
    it(`after “${decision}”, no title or participant keeps the name`, () => {
      const b = batch('Interview_Jane_Smith_2024-03.txt', 'jane-smith-followup.docx');
      applyDecisions([b], scanBatches([b]), () => decision);
      const stored = JSON.stringify([b.documents.map((d) => d.title), b.participants.map((p) => p.pseudonym)]);
      expect(stored).not.toMatch(/jane|smith/i);
      expect(b.documents[0]!.title).toMatch(/^Interview_.+_2024-03$/);
      if (decision === 'pseudonymise') expect(b.participants[0]!.pseudonym).toBe(b.documents[0]!.title);
    });
  }
});
