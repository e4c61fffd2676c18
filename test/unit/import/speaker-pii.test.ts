/**
 * Speaker labels are personal data: after the anonymisation gate, no stored turn, speaker field,
 * participant or text keeps a speaker's name, and a pseudonymised speaker has one pseudonym in
 * the label and in every mention in the text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBatchFromTranscripts, type ImportBatch } from '../../../shared/import/mapping';
import { applyDecisions, redactBatches, scanBatches, type BatchFinding } from '../../../shared/import/pipeline';
import { seededGuids } from '../../../shared/model';

const fixtures = path.resolve(__dirname, '../../fixtures/import');
const NAMES = /nield|marsh|reese|anna-louise|okonjo|harcourt/i;

function batch(file: string): ImportBatch {
  const text = readFileSync(path.join(fixtures, file), 'utf8');
  return buildBatchFromTranscripts([{ name: file, text }], { name: 'Hearing', kind: 'interview' }, { projectId: '11111111-1111-4111-8111-111111111111', newId: seededGuids(3), now: '2026-01-01T00:00:00Z' });
}

const speakers = (b: ImportBatch) => [...new Set(b.documents[0]!.turns.map((t) => t.speaker))];

describe('speaker labels through the shared pipeline', () => {
  it('are scanned: one finding per named label, its mentions in the text follow it', () => {
    const b = batch('hearing-named-speakers.txt');
    expect(speakers(b)).toEqual(['Ms Nield', 'Ms Anna-Louise Marsh-Reese', 'Mr Okonjo', 'Chair']);
    const findings = scanBatches([b]);
    const labels = findings.filter((f) => f.place.kind === 'speaker');
    expect(labels.map((f) => [(f.place as { speaker: string }).speaker.slice(f.start, f.end), f.follows])).toEqual([
      ['Nield', undefined],
      ['Anna-Louise Marsh-Reese', undefined],
      ['Okonjo', undefined],
    ]);
    const text = b.documents[0]!.text;
    const mentionsOf = (leader: BatchFinding) => findings.filter((f) => f.follows === leader.id).map((f) => text.slice(f.start, f.end));
    // every "Nield" in the text, labels included
    expect(mentionsOf(labels[0]!)).toHaveLength(text.match(/Nield/g)!.length);
    // the name in capitals and the surname after a title are the same person
    expect(mentionsOf(labels[1]!)).toEqual(expect.arrayContaining(['ANNA-LOUISE MARSH-REESE', 'Anna-Louise Marsh-Reese', 'Marsh-Reese', 'MARSH-REESE']));
    // the text's own findings never overlap a mention (one decision per place)
    const inText = findings.filter((f) => f.place.kind === 'document').sort((a, b) => a.start - b.start);
    inText.forEach((f, i) => i > 0 && expect(f.start).toBeGreaterThanOrEqual(inText[i - 1]!.end));
  });

  it('redact: no name is left in the text, the turns, the speakers or the participants', () => {
    const b = batch('hearing-named-speakers.txt');
    const counts = redactBatches([b]);
    expect(JSON.stringify(b)).not.toMatch(NAMES);
    expect(speakers(b)).toEqual(['Ms [PERSON]', 'Mr [PERSON]', 'Chair']);
    expect(counts.person).toBeGreaterThanOrEqual(13);
    const d = b.documents[0]!;
    expect(d.length).toBe(d.text.length);
    // each turn still starts at its label, now redacted like the speaker field
    for (const t of d.turns) expect(d.text.slice(t.start, t.end).startsWith(`${t.speaker}:`)).toBe(true);
  });

  it('pseudonymise: one pseudonym per person, the same in the label and in every mention', () => {
    const b = batch('hearing-named-speakers.txt');
    applyDecisions([b], scanBatches([b]), () => 'pseudonymise');
    expect(JSON.stringify(b)).not.toMatch(NAMES);
    const d = b.documents[0]!;
    expect(speakers(b)).toEqual(['Ms [PERSON 1]', 'Ms [PERSON 2]', 'Mr [PERSON 3]', 'Chair']);
    for (const t of d.turns) expect(d.text.slice(t.start, t.end).startsWith(`${t.speaker}:`)).toBe(true);
    expect(d.text).toContain('MS [PERSON 2] (affirmed)');
    expect(d.text).toContain('[PERSON 2]. I was the investigating officer');
    expect(d.text).toContain('Thank you, Ms [PERSON 2]. When did you first speak to Mr [PERSON 3]');
    expect(d.text).toContain('No further questions for MS [PERSON 2].');
    // DS Harcourt is in the text only: a person of his own
    expect(d.text).toMatch(/DS \[PERSON 4\] was copied in/);
  });

  it('one decision on a label covers its mentions: keeping Mr Okonjo keeps him everywhere, the others go everywhere', () => {
    const b = batch('hearing-named-speakers.txt');
    const findings = scanBatches([b]);
    const okonjo = findings.find((f) => f.place.kind === 'speaker' && f.place.speaker === 'Mr Okonjo')!;
    applyDecisions([b], findings, (f) => (f.id === okonjo.id ? 'ignore' : 'redact'));
    const d = b.documents[0]!;
    expect(speakers(b)).toEqual(['Ms [PERSON]', 'Mr Okonjo', 'Chair']);
    expect(d.text.match(/Okonjo/g)).toHaveLength(3);
    expect(d.text).not.toMatch(/nield|marsh|reese/i);
  });

  it('Markdown **Name**: labels: the marker is not in the text, and the names go from labels and text alike', () => {
    const b = batch('hearing-named-speakers.md');
    const d = b.documents[0]!;
    expect(d.text).not.toContain('**');
    expect(speakers(b)).toEqual(['Ms Nield', 'Mr Okonjo']);
    applyDecisions([b], scanBatches([b]), () => 'pseudonymise');
    expect(JSON.stringify(b)).not.toMatch(NAMES);
    expect(speakers(b)).toEqual(['Ms [PERSON 1]', 'Mr [PERSON 2]']);
    expect(d.text).toContain('I rang the station twice. Ms [PERSON 1] knows that.');
    expect(d.text).toContain('And Mr [PERSON 2], who answered?');
    expect(d.text.slice(d.turns[1]!.start, d.turns[1]!.end)).toBe('I rang the station twice. Ms [PERSON 1] knows that.');
  });
});
