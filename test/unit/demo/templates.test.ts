import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_PALETTE, paletteColour } from '../../../shared/coding/palette';
import { CODEBOOK_TEMPLATES, instantiateTemplate, type TemplateCode } from '../../../shared/coding/templates';
import { Code, seededGuids } from '../../../shared/model';

const starter = CODEBOOK_TEMPLATES.find((t) => t.name === 'Victim/survivor feedback (starter)')!;

function flatten(codes: TemplateCode[]): TemplateCode[] {
  return codes.flatMap((c) => [c, ...flatten(c.children ?? [])]);
}

describe('CODE_PALETTE and paletteColour', () => {
  it('holds distinct #RRGGBB colours, starting with Okabe–Ito (black replaced by grey)', () => {
    expect(new Set(CODE_PALETTE).size).toBe(CODE_PALETTE.length);
    for (const c of CODE_PALETTE) expect(c).toMatch(/^#[0-9A-F]{6}$/);
    expect(CODE_PALETTE.slice(0, 7)).toEqual(['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7']);
    expect(CODE_PALETTE).not.toContain('#000000');
    expect(CODE_PALETTE.length).toBeGreaterThan(8);
  });

  it('cycles for any whole number, including negatives', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (i) => {
        const c = paletteColour(i);
        expect(CODE_PALETTE).toContain(c);
        expect(paletteColour(i + CODE_PALETTE.length)).toBe(c);
      }),
    );
    expect(paletteColour(-1)).toBe(CODE_PALETTE[CODE_PALETTE.length - 1]);
  });

  it('rejects positions that are not whole numbers', () => {
    expect(() => paletteColour(1.5)).toThrow(/whole number, got 1.5/);
    expect(() => paletteColour(Number.NaN)).toThrow(/whole number/);
  });
});

describe('starter codebook template', () => {
  it('has the nine themes, each with 2–4 subcategories', () => {
    expect(starter.codes.map((c) => c.name)).toEqual([
      'First contact',
      'Being believed',
      'Updates and communication',
      'Safety and safeguarding',
      'Adjustments and accessibility',
      'Investigation and outcome',
      'Support and referral',
      'Trust and confidence',
      'Fairness and respect',
    ]);
    for (const theme of starter.codes) {
      expect(theme.children?.length, theme.name).toBeGreaterThanOrEqual(2);
      expect(theme.children?.length, theme.name).toBeLessThanOrEqual(4);
      for (const sub of theme.children ?? []) expect(sub.children, sub.name).toBeUndefined();
    }
    const updates = starter.codes.find((c) => c.name === 'Updates and communication')!;
    expect(updates.children!.map((c) => c.name)).toEqual(['Proactive updates', 'Chasing for news', 'Named contact', "Victims' Code entitlements"]);
  });

  it('gives every code a definition, inclusion, exclusion, example and keywords, with unique names', () => {
    for (const t of CODEBOOK_TEMPLATES) {
      const all = flatten(t.codes);
      expect(new Set(all.map((c) => c.name)).size, t.name).toBe(all.length);
      for (const c of all) {
        for (const field of ['definition', 'inclusion', 'exclusion', 'example'] as const) {
          expect(c[field].trim().length, `${c.name}.${field}`).toBeGreaterThan(10);
        }
      }
    }
    for (const c of flatten(starter.codes)) {
      expect(c.keywords.length, c.name).toBeGreaterThan(0);
      expect(new Set(c.keywords).size, c.name).toBe(c.keywords.length);
      for (const k of c.keywords) expect(k.length > 0 && k === k.trim(), `${c.name}: "${k}"`).toBe(true);
    }
  });

  it('uses British spellings in its text', () => {
    const text = JSON.stringify(CODEBOOK_TEMPLATES);
    expect(text).not.toMatch(/\b(color|organization|behavior|center|judgment|anonymiz)/i);
  });
});

describe('instantiateTemplate', () => {
  const projectId = seededGuids(1)();
  const codes = instantiateTemplate(starter, projectId, seededGuids(2), '2026-04-01T09:00:00Z');

  it('produces schema-valid codes, parents before children, one per template code', () => {
    expect(codes).toHaveLength(flatten(starter.codes).length);
    const seen = new Set<string>();
    for (const c of codes) {
      expect(Code.parse(c)).toEqual(c);
      if (c.parentId) expect(seen.has(c.parentId)).toBe(true);
      seen.add(c.id);
      expect(c.projectId).toBe(projectId);
    }
  });

  it('links subcategories to their theme, numbers siblings from 0 and shares the theme colour', () => {
    const byId = new Map(codes.map((c) => [c.id, c]));
    const top = codes.filter((c) => c.parentId === null);
    expect(top.map((c) => c.order)).toEqual(top.map((_, i) => i));
    expect(top.map((c) => c.colour)).toEqual(top.map((_, i) => paletteColour(i)));
    expect(new Set(top.map((c) => c.colour)).size).toBe(top.length);
    for (const theme of starter.codes) {
      const parent = codes.find((c) => c.name === theme.name)!;
      const kids = codes.filter((c) => c.parentId === parent.id);
      expect(kids.map((c) => c.name)).toEqual(theme.children!.map((c) => c.name));
      expect(kids.map((c) => c.order)).toEqual(kids.map((_, i) => i));
      for (const k of kids) expect(k.colour).toBe(byId.get(k.parentId!)!.colour);
    }
  });

  it('copies keywords rather than sharing the template arrays', () => {
    const c = codes.find((x) => x.name === 'Chasing for news')!;
    c.keywords.push('changed');
    const again = instantiateTemplate(starter, projectId, seededGuids(2), '2026-04-01T09:00:00Z');
    expect(again.find((x) => x.name === 'Chasing for news')!.keywords).not.toContain('changed');
  });

  it('names the template and place when a code has no name', () => {
    const bad = { id: 'x', name: 'Broken', description: '', codes: [{ ...starter.codes[0]!, children: [{ ...starter.codes[0]!.children![0]!, name: '  ' }] }] };
    expect(() => instantiateTemplate(bad, projectId, seededGuids(3), '2026-04-01')).toThrow('template "Broken": a code under "First contact" has no name');
  });
});
