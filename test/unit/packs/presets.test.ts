/** Each preset's rules, on the demo project with findings and quotes added. */
import { describe, expect, it } from 'vitest';
import { buildPack, editTemplate, gatherPackInput, presetTemplate, publicMethod, strengthText, TemplateError, validateTemplate, type PackBlock, type PackDocument } from '../../../shared/packs';
import { evidenceStrength } from '../../../shared/findings/strength';
import { methodStatement, projectFigures } from '../../../shared/findings/method';
import { weDidLine, youSaidWeDid } from '../../../shared/findings/you-said-we-did';
import { packFixture } from './fixture';

const fx = packFixture();
const input = gatherPackInput(fx.bundle, { now: new Date('2026-04-01T09:00:00Z') });
const N = fx.bundle.project.settings.disclosureThreshold;
const build = (a: Parameters<typeof presetTemplate>[0]) => buildPack(presetTemplate(a), input);
const text = (b: PackBlock): string[] =>
  b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : b.kind === 'quote' ? [b.text, b.attribution] : b.kind === 'table' ? [b.table.title, ...b.table.columns, ...b.table.rows.flat(), ...b.table.notes] : [b.spec.title, b.alt, ...b.spec.notes];
const allText = (d: PackDocument) => d.blocks.flatMap(text).join('\n');
const quoteText = (qid: string) => {
  const q = fx.bundle.quotes!.find((x) => x.id === qid)!;
  return fx.bundle.documents.find((d) => d.id === q.documentId)!.text.slice(q.start, q.end).trim();
};
const headings = (d: PackDocument) => d.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));

/** Every "<number> people|participants|documents" in prose, and every charted value, is 0 or ≥ N. */
function smallCounts(d: PackDocument): string[] {
  const bad: string[] = [];
  for (const b of d.blocks) {
    for (const t of b.kind === 'table' ? [] : text(b)) for (const m of t.matchAll(/(\d[\d,]*)\s+(?:of\s+\d[\d,]*\s+)?(people|person|participants?|documents?)\b/g)) {
      const v = Number(m[1]!.replace(/,/g, ''));
      if (v > 0 && v < N) bad.push(m[0]);
    }
    if (b.kind === 'chart' && b.spec.kind === 'bar') for (const row of b.spec.values) for (const v of row) if (v.value !== null && v.value > 0 && v.value < N) bad.push(`chart ${v.text}`);
  }
  return bad;
}

describe('every pack', () => {
  it.each(['executive', 'practitioners', 'public', 'partners'] as const)('%s: states method, sources and dates, and limitations; no participant ids or pseudonyms; no count under N', (a) => {
    const d = build(a);
    const hs = headings(d).join(' | ');
    expect(hs).toMatch(/Method|How we did this/);
    expect(hs).toMatch(/Sources and dates|Who we heard from/);
    expect(hs).toMatch(/Limitations|What this cannot tell us/);
    const all = allText(d);
    for (const p of fx.bundle.participants) {
      expect(all).not.toContain(p.id);
      expect(all).not.toContain(p.pseudonym);
    }
    expect(smallCounts(d)).toEqual([]);
    expect(all).toContain(N === 10 ? '1 October 2025' : '');
  });

  it('re-adds method, sources and limitations when a template drops them', () => {
    let t = presetTemplate('executive');
    for (const id of ['method', 'sources', 'limits']) t = editTemplate(t, { op: 'drop', id });
    expect(t.sections.some((s) => s.kind === 'method')).toBe(false);
    const hs = headings(buildPack(t, input));
    expect(hs.slice(-3)).toEqual(['Method', 'Sources and dates', 'Limitations']);
    // the one-page executive pack quotes the method's first two sentences
    expect(buildPack(t, input).blocks.some((b) => b.kind === 'paragraph' && b.text === input.methodBrief)).toBe(true);
  });
});

describe('executive', () => {
  const d = build('executive');
  it('at most 4 charts (3–4 on the demo), at most 5 headline findings, the two-sentence method, decisions asked for', () => {
    const charts = d.blocks.filter((b) => b.kind === 'chart').length;
    expect(charts).toBeGreaterThanOrEqual(3);
    expect(charts).toBeLessThanOrEqual(4);
    expect(d.blocks.some((b) => b.kind === 'paragraph' && b.text === input.methodBrief)).toBe(true);
    const decisions = d.blocks[d.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Decisions asked for') + 2];
    expect(decisions).toMatchObject({ kind: 'list' });
    expect((decisions as { items: string[] }).items.join(' ')).toContain('Audit 50 first accounts, owner Crime Standards, by 31 March 2026');
    expect(d.blocks.some((b) => b.kind === 'table')).toBe(false);
  });
  it('a template with two chart sections still has at most 5 charts', () => {
    const t = editTemplate(presetTemplate('executive'), { op: 'add', section: { id: 'more', kind: 'charts', heading: 'More charts', intro: '' } });
    expect(buildPack(t, input).blocks.filter((b) => b.kind === 'chart').length).toBeLessThanOrEqual(5);
  });
  it('findings for another audience only are left out', () => {
    expect(allText(d)).not.toContain('Partners-only finding');
    expect(allText(build('partners'))).toContain('Partners-only finding');
  });
});

describe('public', () => {
  const d = build('public');
  it('has no tables and no tables/codebook/reliability section can be added', () => {
    expect(d.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(() => editTemplate(presetTemplate('public'), { op: 'add', section: { id: 't', kind: 'tables', heading: 'Tables', intro: '' } })).toThrow(TemplateError);
    expect(() => validateTemplate({ ...presetTemplate('public'), sections: [{ id: 'c', kind: 'codebook', heading: 'Codes', intro: '' }] })).toThrow(/cannot have a "codebook"/);
  });
  it('only confirmed quotes without personal data; the refused ones are listed with reasons', () => {
    const quotes = d.blocks.flatMap((b) => (b.kind === 'quote' ? [b.text] : []));
    expect(quotes).toContain(quoteText(fx.quotes.confirmed.id));
    expect(quotes).not.toContain(quoteText(fx.quotes.unconfirmed.id));
    expect(quotes).not.toContain(quoteText(fx.quotes.personal.id));
    expect(allText(d)).not.toContain('jo.bloggs@example.com');
    const refused = new Map(d.refusedQuotes.map((r) => [r.quoteId, r.reasons.join('; ')]));
    expect(refused.get(fx.quotes.unconfirmed.id)).toMatch(/no one has confirmed/);
    expect(refused.get(fx.quotes.personal.id)).toMatch(/personal data \(an email address\)/);
    expect(refused.has(fx.quotes.confirmed.id)).toBe(false);
  });
  it('names no source (an analyst’s source name can name a place or a person): kinds only, added up; sentences start with a capital', () => {
    const all = allText(d);
    for (const src of fx.bundle.sources) expect(all).not.toContain(src.name);
    const kinds = new Set(fx.bundle.sources.map((x) => x.kind));
    const list = d.blocks.find((b) => b.kind === 'list' && b.items.some((i) => /^(Surveys|Interviews|Focus groups|Complaints|Case reviews|Partner agencies|Other feedback): /.test(i)));
    expect(list && list.kind === 'list' ? list.items.length : 0).toBe(kinds.size);
    for (const b of d.blocks) if (b.kind === 'paragraph' && /^fewer than/.test(b.text)) throw new Error(`starts in lower case: ${b.text}`);
    expect(all).not.toMatch(/fewer than \d+ (participant|person|document)\b/);
  });

  it('quotes are attributed to a kind of source, never to a person or their attributes', () => {
    const attrs = fx.bundle.participants.flatMap((p) => Object.values(p.attributes)).filter((v): v is string => typeof v === 'string' && v.length > 3);
    for (const b of d.blocks) if (b.kind === 'quote') {
      expect(b.attribution).toMatch(/^— (someone|a )/);
      for (const a of new Set(attrs)) expect(b.attribution).not.toContain(a);
    }
  });
  it('"you said, we did" in plain words, readability scored at about 11 and shown', () => {
    const all = allText(d);
    const lines = youSaidWeDid(fx.bundle.findings, fx.bundle.recommendations ?? [], fx.bundle.actions).flatMap((y) => y.did);
    expect(lines.map((l) => l.kind)).toEqual(expect.arrayContaining(['we did', 'we could not', 'we are considering']));
    for (const l of lines) expect(all).toContain(weDidLine(l, (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
    expect(all).toContain('We did: Every victim now gets the name of an officer to call');
    expect(all).toContain('We could not: Text updates every week. Why not: our text system cannot send them yet');
    expect(all).toContain('We are considering: Audit 50 first accounts');
    expect(all).not.toMatch(/We did: [^\n]*waiting for a decision/);
    expect(all).toContain(publicMethod(projectFigures(fx.bundle).coders));
    expect(d.readability.readingAge).not.toBeNull();
    expect(d.readability.readingAge!).toBeLessThanOrEqual(12);
    expect(all).toMatch(new RegExp(`Readability: reading age about ${d.readability.readingAge}`));
    expect(all).toMatch(/Victim Support/);
    expect(all).toMatch(/feedback/);
  });
});

describe('practitioners and partners', () => {
  it('practitioners: themes with their subcategories, quotes that pass the personal-data scan (confirmation not needed), training implications', () => {
    const d = build('practitioners');
    const themes = d.blocks.slice(d.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Themes and what sits under them'));
    expect(themes.some((b) => b.kind === 'list' && b.items.some((i) => /: (\d|fewer)/.test(i)))).toBe(true);
    const quotes = d.blocks.flatMap((b) => (b.kind === 'quote' ? [b.text] : []));
    expect(quotes).toContain(quoteText(fx.quotes.unconfirmed.id));
    expect(quotes).not.toContain(quoteText(fx.quotes.personal.id));
    expect(allText(d)).toContain('Train call handlers to give every victim a named contact');
  });
  it('partners: full published tables (no empty suppressed cell, no count under N), codebook, reliability', () => {
    const d = build('partners');
    const tables = d.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    expect(tables.map((t) => t.title)).toEqual(expect.arrayContaining(['Codebook', expect.stringMatching(/^Subcategory matrix/)]));
    const cells = tables.filter((t) => t.title !== 'Codebook').flatMap((t) => t.rows.flatMap((r) => r.filter((_, i) => /participants|Codings|Documents|Participants/.test(t.columns[i]!) && !/%/.test(t.columns[i]!))));
    expect(cells.length).toBeGreaterThan(50);
    for (const c of cells) expect(c === '0' || c === `fewer than ${N}` || c === 'withheld' || Number(c.replace(/,/g, '')) >= N).toBe(true);
    expect(cells).toContain(`fewer than ${N}`);
    expect(cells).toContain('withheld');
    expect(allText(d)).toMatch(/Cohen’s kappa/);
  });
});

describe('strength and method are the Findings workspace’s own (shared/findings), at the threshold', () => {
  it('executive and partners print evidenceStrength’s reasons for each finding, and methodStatement', () => {
    for (const a of ['executive', 'partners'] as const) {
      const d = build(a);
      const items = d.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
      for (const f of fx.bundle.findings.filter((f) => f.audiences.length === 0 || (a === 'partners' && f.audiences.includes('partners')))) {
        const s = evidenceStrength(fx.bundle, f, { threshold: N });
        // the one-page executive pack gives the rating sentence (the last reason) only
        expect(items).toContain(`${f.title} — ${a === 'executive' ? s.reasons.at(-1) : strengthText(s)}`);
      }
      expect(d.blocks.some((b) => b.kind === 'paragraph' && b.text === methodStatement(projectFigures(fx.bundle), { threshold: N, ...(a === 'executive' ? { sentences: 2 } : {}) }))).toBe(true);
    }
  });
  it('with the threshold above every count, no strength reason or method sentence gives a small count; without one the workspace text is unchanged', () => {
    const b = structuredClone(fx.bundle);
    const big = 100_000;
    b.project.settings.disclosureThreshold = big;
    const inp = gatherPackInput(b, { now: new Date('2026-04-01T09:00:00Z') });
    const f = b.findings[0]!;
    const raw = evidenceStrength(b, f);
    expect(raw.participants).toBeGreaterThan(0);
    expect(raw.reasons[0]).toMatch(/^\d/);
    const pub = evidenceStrength(b, f, { threshold: big });
    expect(pub.rating).toBe(raw.rating);
    expect(pub.reasons[0]).toMatch(/^fewer than 100000 participants in fewer than 100000 documents \(fewer than 100000 coded segments/);
    expect(inp.findings[0]!.strength.reasons).toEqual(pub.reasons);
    expect(inp.method).toBe(methodStatement(projectFigures(b), { threshold: big }));
    const under = (t: string) => [...t.matchAll(/(?<!(?:least|than) )\b(\d[\d,]*) (people|persons?|participants?|documents?|coded (?:segments?|documents?))\b/g)].filter((m) => { const v = Number(m[1]!.replace(/,/g, '')); return v > 0 && v < big; }).map((m) => m[0]);
    expect(under(inp.method)).toEqual([]);
    expect(methodStatement(projectFigures(b))).toMatch(/\b\d[\d,]* documents? from \d/);
    for (const a of ['executive', 'public', 'partners', 'practitioners'] as const) {
      const all = allText(buildPack(presetTemplate(a), inp));
      expect(under(all)).toEqual([]);
      expect(all).toMatch(/fewer than 100000/);
    }
  });
});

describe('template edits', () => {
  it('add, drop, move, reword and retitle, each validated', () => {
    let t = presetTemplate('practitioners');
    t = editTemplate(t, { op: 'add', section: { id: 'x', kind: 'text', heading: 'A word from the lead', intro: 'Thank you all.' }, at: 0 });
    t = editTemplate(t, { op: 'move', id: 'quotes', to: 1 });
    t = editTemplate(t, { op: 'drop', id: 'training' });
    t = editTemplate(t, { op: 'reword', id: 'themes', heading: 'Themes' });
    t = editTemplate(t, { op: 'retitle', title: 'Notes for response officers' });
    expect(t.sections.map((s) => s.id).slice(0, 3)).toEqual(['x', 'quotes', 'themes']);
    expect(t.sections.some((s) => s.id === 'training')).toBe(false);
    const d = buildPack(t, input);
    expect(d.title).toBe('Notes for response officers');
    expect(headings(d).slice(0, 3)).toEqual(['A word from the lead', 'In their words', 'Themes']);
    expect(() => editTemplate(t, { op: 'drop', id: 'nope' })).toThrow(/no section "nope"/);
    expect(() => editTemplate(t, { op: 'add', section: { id: 'x', kind: 'text', heading: 'Again', intro: '' } })).toThrow(/two sections with id "x"/);
  });
});
