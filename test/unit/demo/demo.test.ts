import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoProject, DEMO_PROJECT_NAME } from '../../../shared/demo';
import { ProjectBundle, type Coding } from '../../../shared/model';
import { detectPii } from '../../../shared/privacy/detect';

const words = (s: string) => (s.match(/\S+/g) ?? []).length;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

let b: ProjectBundle;
beforeAll(() => {
  b = buildDemoProject();
});

describe('buildDemoProject', () => {
  it('is deterministic: two calls give deep-equal bundles', () => {
    expect(buildDemoProject()).toEqual(b);
  });

  it('passes the ProjectBundle schema unchanged', () => {
    expect(ProjectBundle.parse(b)).toEqual(b);
  });

  it('is clearly fictional', () => {
    expect(b.project.name).toBe(DEMO_PROJECT_NAME);
    expect(b.project.isDemo).toBe(true);
    expect(b.project.description).toMatch(/fictional/i);
    expect(b.project.description).toMatch(/invented/i);
  });

  it('gives every entity a unique id and ties everything to the project', () => {
    const all = [b.project, ...b.coders, ...b.sources, ...b.variables, ...b.participants, ...b.documents, ...b.codes, ...b.codings, ...b.memos];
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    for (const x of all.slice(1)) expect((x as { projectId: string }).projectId).toBe(b.project.id);
    const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
    const [sources, participants, documents, codes, coders] = [ids(b.sources), ids(b.participants), ids(b.documents), ids(b.codes), ids(b.coders)];
    for (const p of b.participants) expect(sources.has(p.sourceId)).toBe(true);
    for (const d of b.documents) {
      expect(sources.has(d.sourceId)).toBe(true);
      if (d.participantId) expect(participants.has(d.participantId)).toBe(true);
    }
    for (const c of b.codes) if (c.parentId) expect(codes.has(c.parentId)).toBe(true);
    for (const c of b.codings) {
      expect(documents.has(c.documentId) && codes.has(c.codeId) && coders.has(c.coderId)).toBe(true);
    }
  });
});

describe('demo sources and documents', () => {
  it('has one source of each kind named in the brief, with collection and retention dates', () => {
    const byName = Object.fromEntries(b.sources.map((s) => [s.name, s.kind]));
    expect(byName).toEqual({
      'Victim satisfaction survey 2026 Q1': 'survey',
      'Survivor interviews': 'interview',
      'Survivor focus group': 'focus group',
      'ISVA service partner feedback': 'partner',
    });
    for (const s of b.sources) {
      expect(s.collectedFrom && s.collectedTo && s.retainUntil, s.name).toBeTruthy();
      expect(s.collectedFrom! <= s.collectedTo!).toBe(true);
      expect(s.collectedTo! < s.retainUntil!).toBe(true);
    }
  });

  it('has about 150 survey responses of 20–120 words, each with its own respondent and the question as field', () => {
    const survey = b.sources.find((s) => s.kind === 'survey')!;
    const responses = b.documents.filter((d) => d.kind === 'response');
    expect(responses.length).toBeGreaterThanOrEqual(140);
    expect(responses.length).toBeLessThanOrEqual(160);
    const respondents = new Set<string>();
    for (const d of responses) {
      expect(d.sourceId).toBe(survey.id);
      expect(words(d.text), d.title).toBeGreaterThanOrEqual(20);
      expect(words(d.text), d.title).toBeLessThanOrEqual(120);
      expect(d.title).toBe(`Response ${d.recordId} – ${d.field}`);
      expect(d.field).toBe('What could we have done better?');
      respondents.add(d.participantId!);
    }
    expect(respondents.size).toBe(responses.length);
    // varied texts: no two responses alike, and no sentence dominates
    expect(new Set(responses.map((d) => d.text)).size).toBe(responses.length);
    const sentences = new Map<string, number>();
    for (const d of responses) for (const s of d.text.split(/(?<=[.!?])\s+/)) sentences.set(s, (sentences.get(s) ?? 0) + 1);
    expect(Math.max(...sentences.values())).toBeLessThan(responses.length / 10);
  });

  it('has 3 interviews of 1,200–2,000 words, a focus group of about 2,000 words and 5 partner documents', () => {
    const kindOf = new Map(b.sources.map((s) => [s.id, s.kind]));
    const of = (kind: string) => b.documents.filter((d) => kindOf.get(d.sourceId) === kind);
    const interviews = of('interview');
    expect(interviews).toHaveLength(3);
    for (const d of interviews) {
      expect(d.kind).toBe('transcript');
      expect(words(d.text)).toBeGreaterThanOrEqual(1200);
      expect(words(d.text)).toBeLessThanOrEqual(2000);
      expect(new Set(d.turns.map((t) => t.speaker))).toEqual(new Set(['Interviewer', 'P1']));
    }
    const [fg] = of('focus group');
    expect(of('focus group')).toHaveLength(1);
    expect(words(fg!.text)).toBeGreaterThanOrEqual(1700);
    expect(words(fg!.text)).toBeLessThanOrEqual(2300);
    expect(new Set(fg!.turns.map((t) => t.speaker))).toEqual(new Set(['Facilitator', 'P1', 'P2', 'P3', 'P4', 'P5']));
    const partner = of('partner');
    expect(partner).toHaveLength(5);
    for (const d of partner) expect(d.kind).toBe('document');
  });

  it('records length as the UTF-16 length of the text', () => {
    for (const d of b.documents) expect(d.length).toBe(d.text.length);
    // the demo deliberately contains astral characters, so code points and UTF-16 units differ
    expect(b.documents.some((d) => [...d.text].length !== d.text.length)).toBe(true);
  });

  it('has speaker turns that tile each transcript exactly and match its "Speaker: " labels', () => {
    const transcripts = b.documents.filter((d) => d.kind === 'transcript');
    expect(transcripts.length).toBe(4);
    for (const d of transcripts) {
      expect(d.turns.length).toBeGreaterThan(20);
      expect(d.turns[0]!.start).toBe(0);
      expect(d.turns.at(-1)!.end).toBe(d.text.length);
      d.turns.forEach((t, i) => {
        if (i > 0) expect(t.start).toBe(d.turns[i - 1]!.end);
        expect(t.end).toBeGreaterThan(t.start);
        const slice = d.text.slice(t.start, t.end);
        expect(slice.startsWith(`${t.speaker}: `)).toBe(true);
        expect(slice.slice(0, -1)).not.toContain('\n');
      });
      expect(d.text.split('\n')).toHaveLength(d.turns.length);
      for (const line of d.text.split('\n')) expect(line).toMatch(/^(Interviewer|Facilitator|P\d): \S/);
    }
  });

  it('contains nothing that looks like an email address, phone number, postcode, URL or date of birth', () => {
    const texts = [...b.documents.map((d) => d.text), ...b.memos.map((m) => m.text)];
    const patterns: [string, RegExp][] = [
      ['email', /[\w.+-]+@[\w-]+\.[\w.]+/],
      ['phone', /(\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/],
      ['long number', /\d{5,}/],
      ['postcode', /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/],
      ['url', /https?:\/\/|www\./i],
      ['date', /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/],
    ];
    for (const t of texts) for (const [what, re] of patterns) expect(re.test(t), `${what} in: ${t.slice(0, 80)}`).toBe(false);
  });

  it('passes the project\'s own anonymisation scan with no findings', () => {
    for (const d of b.documents) expect(detectPii(d.text), d.title).toEqual([]);
    for (const m of b.memos) expect(detectPii(m.text), m.title).toEqual([]);
  });
});

describe('demo participants and variables', () => {
  const name = (n: string) => b.variables.find((v) => v.name === n)!;

  it('defines the attribute variables, with a date variable spread over two quarters', () => {
    expect(b.variables.map((v) => v.name)).toEqual(['Age band', 'Gender', 'Disability', 'Offence type', 'Contact method', 'Area', 'Response date']);
    expect(name('Response date').type).toBe('date');
    const dates = b.participants.map((p) => p.attributes[name('Response date').id] as string);
    for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const q4 = dates.filter((d) => d >= '2025-10-01' && d <= '2025-12-31').length;
    const q1 = dates.filter((d) => d >= '2026-01-01' && d <= '2026-03-31').length;
    expect(q4 + q1).toBe(dates.length);
    expect(Math.min(q4, q1)).toBeGreaterThan(dates.length / 4);
  });

  it('gives every participant a value for every variable, from the stated categories', () => {
    const allowed: Record<string, string[]> = {
      'Age band': ['16–24', '25–34', '35–44', '45–54', '55–64', '65+'],
      Disability: ['Yes', 'No', 'Prefer not to say'],
      'Contact method': ['999', '101', 'Online', 'In person', 'Third party'],
    };
    for (const p of b.participants) {
      for (const v of b.variables) {
        const value = p.attributes[v.id];
        expect(typeof value, `${p.pseudonym} ${v.name}`).toBe('string');
        if (allowed[v.name]) expect(allowed[v.name]).toContain(value);
      }
    }
    const offences = new Set(b.participants.map((p) => p.attributes[name('Offence type').id]));
    for (const o of ['Domestic abuse', 'Rape and serious sexual offences', 'Stalking and harassment', 'Child sexual exploitation', 'Burglary', 'Hate crime']) expect(offences).toContain(o);
    const areas = new Set(b.participants.map((p) => p.attributes[name('Area').id]));
    expect(areas.size).toBeGreaterThanOrEqual(4);
  });

  it('has participants for the interviews and the five focus-group members', () => {
    const focus = b.sources.find((s) => s.kind === 'focus group')!;
    const interviews = b.sources.find((s) => s.kind === 'interview')!;
    expect(b.participants.filter((p) => p.sourceId === focus.id)).toHaveLength(5);
    expect(b.participants.filter((p) => p.sourceId === interviews.id)).toHaveLength(3);
  });
});

describe('demo codebook and codings', () => {
  const coderOf = (initials: string) => b.coders.find((c) => c.initials === initials)!;
  const themeOf = (codeId: string): string => {
    const c = b.codes.find((x) => x.id === codeId)!;
    return c.parentId ? themeOf(c.parentId) : c.name;
  };

  it('uses the starter codebook: nine themes with defined subcategories', () => {
    const themes = b.codes.filter((c) => c.parentId === null);
    expect(themes).toHaveLength(9);
    for (const c of b.codes) expect(c.definition.length).toBeGreaterThan(10);
    expect(b.codes.length).toBeGreaterThan(30);
  });

  it('has 1,500–3,000 codings, each inside its text and never splitting a surrogate pair', () => {
    expect(b.codings.length).toBeGreaterThanOrEqual(1500);
    expect(b.codings.length).toBeLessThanOrEqual(3000);
    const docs = new Map(b.documents.map((d) => [d.id, d]));
    for (const c of b.codings) {
      const text = docs.get(c.documentId)!.text;
      expect(c.start).toBeGreaterThanOrEqual(0);
      expect(c.start).toBeLessThan(c.end);
      expect(c.end).toBeLessThanOrEqual(text.length);
      expect(isHigh(text.charCodeAt(c.start - 1))).toBe(false);
      expect(isHigh(text.charCodeAt(c.end - 1))).toBe(false);
      const span = text.slice(c.start, c.end);
      expect(span).toBe(span.trim());
    }
  });

  it('codes whole sentences for the first coder, and every document has some', () => {
    const am = coderOf('AM');
    const docs = new Map(b.documents.map((d) => [d.id, d]));
    const coded = new Set<string>();
    for (const c of b.codings.filter((x) => x.coderId === am.id)) {
      const text = docs.get(c.documentId)!.text;
      coded.add(c.documentId);
      expect(text.slice(c.start, c.end)).toMatch(/^[A-Z0-9]/);
      expect(text.slice(c.start, c.end)).toMatch(/[.?!\u{1F64F}]$/u);
      expect(c.start === 0 || /[\s]/.test(text[c.start - 1]!) || text.slice(0, c.start).endsWith(': ')).toBe(true);
    }
    expect(coded.size).toBe(b.documents.length);
  });

  it('codes text that matches the code (keywords of the theme or its subcategories often appear)', () => {
    const docs = new Map(b.documents.map((d) => [d.id, d]));
    const isva = b.codes.find((c) => c.name === 'ISVA and IDVA support')!;
    const spans = b.codings.filter((c) => c.codeId === isva.id && c.coderId === coderOf('AM').id).map((c) => docs.get(c.documentId)!.text.slice(c.start, c.end));
    expect(spans.every((s) => /\b(ISVA|IDVA|adviser)/i.test(s))).toBe(true);
    const waits = b.codes.find((c) => c.name === '101 waiting times')!;
    const waitSpans = b.codings.filter((c) => c.codeId === waits.id && c.coderId === coderOf('AM').id).map((c) => docs.get(c.documentId)!.text.slice(c.start, c.end));
    expect(waitSpans.every((s) => s.includes('101'))).toBe(true);
  });

  it('uses every code at least three times', () => {
    const n = new Map<string, number>();
    for (const c of b.codings) n.set(c.codeId, (n.get(c.codeId) ?? 0) + 1);
    for (const c of b.codes) expect(n.get(c.id) ?? 0, c.name).toBeGreaterThanOrEqual(3);
  });

  it('has themes across source kinds: most in two or more, at least one in only one', () => {
    const kindOf = new Map(b.sources.map((s) => [s.id, s.kind]));
    const docKind = new Map(b.documents.map((d) => [d.id, kindOf.get(d.sourceId)!]));
    const kinds = new Map<string, Set<string>>();
    for (const c of b.codings) {
      const t = themeOf(c.codeId);
      if (!kinds.has(t)) kinds.set(t, new Set());
      kinds.get(t)!.add(docKind.get(c.documentId)!);
    }
    const counts = [...kinds.values()].map((s) => s.size);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThanOrEqual(1);
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(6);
    expect([...kinds.get('First contact')!]).toEqual(['survey']);
    expect(kinds.get('Updates and communication')!.size).toBe(4);
  });

  it('shows support praised in the survey but criticised by the partner service (a divergent theme)', () => {
    const kindOf = new Map(b.sources.map((s) => [s.id, s.kind]));
    const docs = new Map(b.documents.map((d) => [d.id, d]));
    const support = (kind: string) =>
      b.codings
        .filter((c) => themeOf(c.codeId) === 'Support and referral' && kindOf.get(docs.get(c.documentId)!.sourceId) === kind)
        .map((c) => docs.get(c.documentId)!.text.slice(c.start, c.end))
        .join(' ');
    const positive = /\b(brilliant|amazing|excellent|lifeline|best thing|couldn't have|wouldn't have|helped|value)/gi;
    const negative = /\b(late|never|cannot|can't|not working|under strain|waiting|above|distress|worse)/gi;
    const score = (s: string) => (s.match(positive)?.length ?? 0) - (s.match(negative)?.length ?? 0);
    expect(score(support('survey'))).toBeGreaterThan(0);
    expect(score(support('partner'))).toBeLessThan(0);
  });

  it('has two coders who overlap on ~40% of responses and two transcripts', () => {
    expect(b.coders.map((c) => [c.name, c.initials])).toEqual([
      ['Alex Morgan (analyst)', 'AM'],
      ['Sam Patel (research partner)', 'SP'],
    ]);
    const am = coderOf('AM');
    const sp = coderOf('SP');
    const docsOf = (id: string) => new Set(b.codings.filter((c) => c.coderId === id).map((c) => c.documentId));
    const amDocs = docsOf(am.id);
    const spDocs = docsOf(sp.id);
    expect(amDocs.size).toBe(b.documents.length);
    const responses = b.documents.filter((d) => d.kind === 'response');
    const share = responses.filter((d) => spDocs.has(d.id)).length / responses.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    expect(b.documents.filter((d) => d.kind === 'transcript' && spDocs.has(d.id))).toHaveLength(2);
    for (const d of spDocs) expect(amDocs.has(d)).toBe(true);
  });

  it('gives an inter-coder agreement (character-level Cohen\'s kappa, pooled over codes) between 0.6 and 0.8', () => {
    const am = coderOf('AM').id;
    const sp = coderOf('SP').id;
    const docs = new Map(b.documents.map((d) => [d.id, d]));
    const shared = new Set(b.codings.filter((c: Coding) => c.coderId === sp).map((c) => c.documentId));
    // units: (character, code) for every character of every double-coded document and every code
    let n = 0;
    let both = 0;
    let onlyA = 0;
    let onlyB = 0;
    for (const docId of shared) {
      const len = docs.get(docId)!.text.length;
      for (const code of b.codes) {
        const a = new Uint8Array(len);
        const s = new Uint8Array(len);
        for (const c of b.codings) {
          if (c.documentId !== docId || c.codeId !== code.id) continue;
          (c.coderId === am ? a : s).fill(1, c.start, c.end);
        }
        for (let i = 0; i < len; i++) {
          if (a[i] && s[i]) both++;
          else if (a[i]) onlyA++;
          else if (s[i]) onlyB++;
        }
        n += len;
      }
    }
    const neither = n - both - onlyA - onlyB;
    const po = (both + neither) / n;
    const pa = (both + onlyA) / n;
    const pb = (both + onlyB) / n;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    const kappa = (po - pe) / (1 - pe);
    expect(kappa).toBeGreaterThan(0.6);
    expect(kappa).toBeLessThan(0.8);
    // and they do disagree somewhere
    expect(onlyA).toBeGreaterThan(0);
    expect(onlyB).toBeGreaterThan(0);
  });

  it('has codings stamped at fixed times after the project was created', () => {
    for (const c of b.codings) expect(c.createdAt > b.project.createdAt).toBe(true);
  });
});

describe('demo memos', () => {
  it('has a project memo, code memos and a document memo pointing at real things', () => {
    const kinds = b.memos.map((m) => m.target.kind);
    expect(kinds).toContain('project');
    expect(kinds.filter((k) => k === 'code').length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain('document');
    const ids = new Set([b.project.id, ...b.codes.map((c) => c.id), ...b.documents.map((d) => d.id)]);
    for (const m of b.memos) {
      expect(ids.has(m.target.id)).toBe(true);
      expect(m.text.length).toBeGreaterThan(50);
    }
  });
});
