import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { unzipSync, strFromU8 } from 'fflate';
import { readQdpx } from '../../../shared/exchange/qdpx';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-import-'));
const csv = path.join(dir, 'survey.csv');
writeFileSync(
  csv,
  `ResponseId,Participant,Contacted,Age,Q1
ID,,Date of first contact,Age in years,How were you treated by the first officer?
R1,P-001,05/03/2024,34,"The officer was kind and listened to everything I said."
R2,P-002,13/03/2024,51,"Nobody called me back for two weeks, and I felt ignored."
R3,P-001,20/03/2024,34,
`,
);
const demo = path.resolve(__dirname, '../../..', '../shared/data/transcripts/qc_demo_admin-1_interview.txt');

describe('chorus import', () => {
  it('imports a CSV into a .qdpx that reads back with participants, attributes and responses', async () => {
    const out = path.join(dir, 'survey.qdpx');
    const r = await run(['import', csv, '--id', 'ResponseId', '--participant', 'Participant', '--attrs', 'Contacted:date,Age', '--header-rows', '2', '--source-kind', 'survey', '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/survey\.csv: utf-8 .*3 rows, 5 columns/);
    expect(r.out).toMatch(/text columns: Q1/);
    expect(r.out).toMatch(/Wrote .*survey\.qdpx: 1 source\(s\), 2 participant\(s\), 2 document\(s\)/);
    const bundle = readQdpx(new Uint8Array(readFileSync(out)), 'survey.qdpx');
    expect(bundle.project.name).toBe('survey');
    expect(bundle.coders).toHaveLength(1);
    expect(bundle.sources[0]).toMatchObject({ name: 'survey', kind: 'survey' });
    expect(bundle.documents.map((d) => d.text).sort()).toEqual(['Nobody called me back for two weeks, and I felt ignored.', 'The officer was kind and listened to everything I said.']);
    expect(bundle.participants.map((p) => p.pseudonym).sort()).toEqual(['P-001', 'P-002']);
    const age = bundle.variables.find((v) => v.name === 'Age')!;
    expect(age.type).toBe('number');
    expect(age.description).toBe('Age in years');
    expect(bundle.participants.find((p) => p.pseudonym === 'P-002')!.attributes[age.id]).toBe(51);
  });

  it('guesses the record id among unique columns and says why; keeps a date that varies within a participant per response', async () => {
    const file = path.join(dir, 'feedback.csv');
    writeFileSync(
      file,
      `respondent_id,response_id,visited,comment
P1,r-1,25/12/2024,"The call handler was patient and kind to me."
P2,r-2,12/25/2024,"Nobody rang me back after the first report."
P1,r-3,20/04/2024,"The second officer explained what would happen next."
P3,r-4,05/06/2024,"I was told to wait and nobody came."
`,
    );
    const out = path.join(dir, 'feedback.qdpx');
    const failed = await run(['import', file, '--participant', 'respondent_id', '--attrs', 'visited:date', '-o', out]);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/row 3, column "visited": "12\/25\/2024" is not a valid date in day\/month\/year order.*; if the column mixes .*--dates unambiguous/);
    const r = await run(['import', file, '--participant', 'respondent_id', '--attrs', 'visited:date', '--dates', 'unambiguous', '-o', out]);
    expect(r.err).toBe('');
    expect(r.out).toContain('  record id: response_id: every value is unique (4 rows) and its name is a record id’s (--id none to number the records by row)');
    expect(r.out).toContain('  text columns: comment\n');
    expect(r.out).toContain('  attributes: visited (date, per response)');
    expect(r.out).toContain('Dates left blank, each could be day/month or month/day (1):\n  - feedback.csv, row 5, column "visited": "05/06/2024" could be 5 June 2024 (day/month) or 6 May 2024 (month/day); left blank\n');
    const bundle = readQdpx(new Uint8Array(readFileSync(out)));
    const visited = bundle.variables.find((v) => v.name === 'visited')!;
    expect(visited.level).toBe('response');
    expect(bundle.documents.map((d) => [d.recordId, d.attributes?.[visited.id]]).sort()).toEqual([
      ['r-1', '2024-12-25'],
      ['r-2', '2024-12-25'],
      ['r-3', '2024-04-20'],
      ['r-4', null],
    ]);
    expect(bundle.participants.map((p) => p.pseudonym).sort()).toEqual(['P1', 'P2', 'P3']);
    // the id column is never free text
    expect((await run(['import', file, '--id', 'response_id', '--text', 'response_id,comment', '-o', out])).err).toMatch(/column "response_id" is the record id column, so it cannot also be free text/);
    expect((await run(['import', file, '--attrs', 'visited:date', '--dates', 'sometimes', '-o', out])).err).toMatch(/--dates must be order, unambiguous, text/);
  });

  it('accepts .rst transcripts like .txt', async () => {
    const rst = path.join(dir, 'notes.rst');
    writeFileSync(rst, 'Interviewer: How did the first call go?\n\nP1: They listened and wrote it all down.\n');
    const out = path.join(dir, 'notes.qdpx');
    const r = await run(['import', rst, '-o', out]);
    expect(r.err).toBe('');
    expect(readQdpx(new Uint8Array(readFileSync(out))).documents[0]!.kind).toBe('transcript');
  });

  it('fails on a date contradicting --date-order, naming file, row and column, and writes nothing', async () => {
    const out = path.join(dir, 'bad.qdpx');
    const r = await run(['import', csv, '--id', 'ResponseId', '--attrs', 'Contacted:date', '--date-order', 'mdy', '--header-rows', '2', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^chorus import: survey\.csv, row 4, column "Contacted": "13\/03\/2024" is not a valid date in month\/day\/year order .*\(and 1 more invalid value\); if the column mixes day\/month and month\/day dates, --dates unambiguous .*\n$/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('bad.qdpx'))).toEqual([]);
  });

  it('gives clear usage errors', async () => {
    expect((await run(['import', csv])).err).toMatch(/missing -o out\.qdpx/);
    expect((await run(['import', csv, '-o', path.join(dir, 'x.qdpx'), '--text', 'Nope'])).err).toMatch(/survey\.csv: has no column "Nope"/);
    expect((await run(['import', path.join(dir, 'a.pdf'), '-o', path.join(dir, 'x.qdpx')])).err).toMatch(/unsupported file type "\.pdf"/);
    expect((await run(['import', path.join(dir, 'missing.csv'), '-o', path.join(dir, 'x.qdpx')])).err).toMatch(/missing\.csv: no such file/);
    expect(existsSync(path.join(dir, 'x.qdpx'))).toBe(false);
  });

  it('--redact replaces detected PII in responses and transcripts, keeping turns on their labels', async () => {
    const pii = path.join(dir, 'pii.csv');
    writeFileSync(pii, 'Id,Answer\nA1,"Please email me at jo.bloggs@example.com or ring 07700 900123 about it."\n');
    const out = path.join(dir, 'pii.qdpx');
    const r = await run(['import', pii, '--text', 'Answer', '--redact', '-o', out]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Redacted \d+ item\(s\): .*email 1/);
    const text = readQdpx(new Uint8Array(readFileSync(out))).documents[0]!.text;
    expect(text).toContain('[EMAIL]');
    expect(text).not.toContain('jo.bloggs@example.com');
    expect(text).not.toContain('07700 900123');

    const tr = path.join(dir, 'call.txt');
    writeFileSync(tr, 'Interviewer: What is your email?\n\nP1: It is jo.bloggs@example.com thanks.\n\nInterviewer: Thank you.\n');
    const { redactBatches } = await import('../../../electron/cli/commands/import-redact');
    const { buildBatchFromTranscripts } = await import('../../../shared/import/mapping');
    const { seededGuids } = await import('../../../shared/model');
    const batch = buildBatchFromTranscripts([{ name: 'call.txt', text: readFileSync(tr, 'utf8') }], { name: 'S', kind: 'interview' }, { projectId: '11111111-1111-4111-8111-111111111111', newId: seededGuids(1), now: '2024-01-01' });
    redactBatches([batch]);
    const d = batch.documents[0]!;
    expect(d.turns.map((t) => d.text.slice(t.start, t.end))).toEqual(['Interviewer: What is your email?', 'P1: It is [EMAIL] thanks.', 'Interviewer: Thank you.']);
    expect(d.length).toBe(d.text.length);
  });

  it.skipIf(!existsSync(demo))('imports a transcript with its speaker turns', async () => {
    const out = path.join(dir, 'interview.qdpx');
    const r = await run(['import', demo, '--keep-pii', '-o', out]); // the gate is tested in import-gate.test.ts
    expect(r.err).toBe('');
    expect(r.out).toMatch(/86 turns, 3 speakers/);
    const bundle = readQdpx(new Uint8Array(readFileSync(out)));
    expect(bundle.documents).toHaveLength(1);
    expect(bundle.documents[0]!.kind).toBe('transcript');
    expect(bundle.sources[0]!.kind).toBe('interview');
  });

  it('--redact leaves no speaker name anywhere in the .qdpx (project.qde, sources, chorus.json), from labels, capitals and Markdown labels', async () => {
    const fixtures = path.resolve(__dirname, '../../fixtures/import');
    const out = path.join(dir, 'hearing.qdpx');
    const r = await run(['import', path.join(fixtures, 'hearing-named-speakers.txt'), path.join(fixtures, 'hearing-named-speakers.md'), '--redact', '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const entries = unzipSync(new Uint8Array(readFileSync(out)));
    const names = Object.keys(entries);
    expect(names).toContain('chorus.json');
    expect(names.filter((n) => n.startsWith('sources/'))).toHaveLength(2);
    for (const n of names) expect(strFromU8(entries[n]!), n).not.toMatch(/nield|marsh|reese|anna-louise|okonjo|harcourt/i);
    const sidecar = strFromU8(entries['chorus.json']!);
    expect(sidecar).toContain('"speaker":"Ms [PERSON]"');
    expect(sidecar).toContain('"speaker":"Mr [PERSON]"');
    const bundle = readQdpx(new Uint8Array(readFileSync(out)));
    expect(bundle.documents.map((d) => d.text).join('\n')).not.toContain('**');
  });
});
