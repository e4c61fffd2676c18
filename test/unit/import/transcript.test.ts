import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTranscript } from '../../../shared/import/transcript';

const repoRoot = path.resolve(__dirname, '../../..');
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test/fixtures/import', name), 'utf8');
const demo = path.resolve(repoRoot, '../shared/data/transcripts/qc_demo_admin-1_interview.txt');

/** Each turn's text, verbatim. */
const slices = (t: ReturnType<typeof parseTranscript>) => t.turns.map((x) => [x.speaker, t.text.slice(x.start, x.end)]);

describe('parseTranscript label styles', () => {
  it('Name: labels with hard-wrapped continuation lines; header lines are not speakers; "said:" inside a turn is text', () => {
    const t = parseTranscript(fixture('transcript-colon.txt'));
    expect(t.style).toBe('colon');
    expect(t.speakers).toEqual(['Interviewer 1', 'Participant 3']);
    expect(slices(t)).toEqual([
      ['Interviewer 1', 'Interviewer 1: Thank you for agreeing to talk to us. Could you tell me\nabout the first time you contacted the police?'],
      ['Participant 3', "Participant 3: I rang 101 because I didn't think it was an emergency. They\nsaid: someone will call you back. Nobody did for two weeks."],
      ['Interviewer 1', 'Interviewer 1: How did that make you feel?'],
      ['Participant 3', 'Participant 3: Honestly? Forgotten. [inaudible 00:05:15] and then an officer\nturned up without warning.'],
    ]);
    // the header lines before the first label belong to no turn
    expect(t.turns[0]!.start).toBe(t.text.indexOf('Interviewer 1:'));
  });

  it('**Name**: and **Name:** (Markdown bold): the label is cut from the text and kept only as the speaker', () => {
    const t = parseTranscript(fixture('transcript-bold.md'));
    expect(t.style).toBe('bold');
    expect(t.speakers).toEqual(['Facilitator', 'Sam', 'Alex']);
    expect(slices(t)).toEqual([
      ['Facilitator', "Welcome everyone. Let's start with introductions."],
      ['Sam', "Hi, I'm Sam. I reported a burglary last year."],
      ['Alex', "I'm Alex. Mine was online fraud, and the\nfollow-up was really slow."],
      ['Facilitator', 'Thanks both.'],
    ]);
    expect(t.text).not.toContain('**');
    expect(t.text.startsWith('# Focus group 2 (anonymised)\n\nWelcome everyone.')).toBe(true);
  });

  it('a bold label alone on its line: the turn starts at the next line', () => {
    const t = parseTranscript('**Dr Okafor**:\nWe reviewed the file.\n\n**Mr Idris Bell**:  Thank you.\n');
    expect(slices(t)).toEqual([
      ['Dr Okafor', 'We reviewed the file.'],
      ['Mr Idris Bell', 'Thank you.'],
    ]);
    expect(t.text).toBe('\nWe reviewed the file.\n\nThank you.\n');
  });

  it('[00:01:02] Name: keeps the timestamps in the text; a time inside a turn is text', () => {
    const t = parseTranscript(fixture('transcript-timestamp.txt'));
    expect(t.style).toBe('timestamp');
    expect(t.speakers).toEqual(['Interviewer', 'Jo Bloggs']);
    expect(slices(t)[3]).toEqual(['Jo Bloggs', '[00:01:10] Jo Bloggs: I waited. At 10:30 the next day a PC rang me\nand said the case was closed.']);
  });

  it('P3 - and INT - (dash labels for ids and roles); a dash inside a turn is text', () => {
    const t = parseTranscript(fixture('transcript-dash.txt'));
    expect(t.style).toBe('dash');
    expect(t.speakers).toEqual(['INT', 'P3']);
    expect(slices(t)[1]).toEqual(['P3', 'P3 - Calm. Respectful - more than I expected.']);
    expect(t.turns).toHaveLength(4);
  });

  it('INTERVIEWER: (capitals), one turn per line without blank lines', () => {
    const t = parseTranscript(fixture('transcript-caps.txt'));
    expect(t.speakers).toEqual(['INTERVIEWER', 'RESPONDENT']);
    expect(t.turns.map((x) => x.speaker)).toEqual(['INTERVIEWER', 'RESPONDENT', 'INTERVIEWER', 'RESPONDENT']);
  });

  it('Name  0:03 on its own line (transcription services), text on the next lines', () => {
    const t = parseTranscript(fixture('transcript-name-timestamp.txt'));
    expect(t.style).toBe('name-timestamp');
    expect(t.speakers).toEqual(['Speaker 1', 'Speaker 2']);
    expect(slices(t)[1]).toEqual(['Speaker 2', 'Speaker 2  0:09\nBetter. The witness care officer kept in touch.']);
  });

  it('finds no turns in prose, and ignores a one-off "word:" inside a paragraph', () => {
    const t = parseTranscript('The officer arrived late.\nHe said the following:\nnothing useful.\nReason: unknown\n');
    expect(t.turns).toEqual([]);
    expect(t.style).toBe('none');
  });

  it('normalises CRLF and CR to LF and keeps offsets into the normalised text', () => {
    const t = parseTranscript('A: one\r\ntwo\r\n\r\nB: three\rfour');
    expect(t.text).toBe('A: one\ntwo\n\nB: three\nfour');
    expect(slices(t)).toEqual([
      ['A', 'A: one\ntwo'],
      ['B', 'B: three\nfour'],
    ]);
  });

  it('turns are ordered, disjoint, inside the text and start with their label (property)', () => {
    const speaker = fc.constantFrom('Interviewer', 'P1', 'Dr Jones', 'admin-1');
    const words = fc.array(fc.constantFrom('yes', 'the', 'officer', 'called', 'back', '[inaudible 00:01:02]', 'then', 'no.'), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(speaker, words, fc.boolean()), { minLength: 1, maxLength: 10 }), (turns) => {
        const text = turns.map(([s, w, wrap]) => `${s}: ${wrap ? w.join(' ').replace(/ (?=\S+$)/, '\n') : w.join(' ')}`).join('\n\n');
        const t = parseTranscript(text);
        expect(t.turns.map((x) => x.speaker)).toEqual(turns.map(([s]) => s));
        let last = 0;
        for (const x of t.turns) {
          expect(x.start).toBeGreaterThanOrEqual(last);
          expect(x.end).toBeGreaterThan(x.start);
          expect(x.end).toBeLessThanOrEqual(t.text.length);
          expect(t.text.slice(x.start).startsWith(`${x.speaker}:`)).toBe(true);
          last = x.end;
        }
      }),
    );
  });
});

describe.skipIf(!existsSync(demo))('parseTranscript on the qc demo interview', () => {
  it('finds the three speakers and every labelled turn, keeping the text verbatim', () => {
    const raw = readFileSync(demo, 'utf8');
    const t = parseTranscript(raw);
    expect(t.text).toBe(raw.replace(/\r\n?/g, '\n').normalize('NFC'));
    expect(t.speakers).toEqual(['Automation', 'Max Bigman', 'admin-1']);
    const labelled = raw.split(/\r?\n/).filter((l) => /^(Automation|Max Bigman|admin-1):/.test(l)).length;
    expect(t.turns).toHaveLength(labelled);
    expect(t.turns.filter((x) => x.speaker === 'admin-1').length).toBeGreaterThan(40);
    // a hard-wrapped turn spans several lines; the inaudible marker stays in the text of its turn
    const second = t.turns[1]!;
    expect(t.text.slice(second.start, second.end)).toMatch(/^Max Bigman: +And I keep forgetting[\s\S]*hang up\?$/);
    const marker = t.text.indexOf('[Pallis \n00:00:52]');
    expect(marker).toBeGreaterThan(0);
    expect(t.turns.some((x) => x.start < marker && marker < x.end && x.speaker === 'admin-1')).toBe(true);
    // everything but blank lines between turns is covered
    const gaps = t.turns.slice(1).map((x, i) => t.text.slice(t.turns[i]!.end, x.start));
    expect(gaps.every((g) => g.trim() === '')).toBe(true);
  });
});
