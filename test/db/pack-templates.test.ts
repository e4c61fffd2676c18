/**
 * Edited pack templates through the command layer: savePackTemplate / resetPackTemplate in the Dexie
 * executor (plain and AES-GCM codecs; one undoable step each, all-or-nothing refusals, ids-only audit),
 * the in-memory executor, the .qdpx side file, and `chorus pack` making the pack from the stored template.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute, exportBundle, openChorusDb, type ChorusDb } from '../../renderer/db';
import { runCli } from '../../electron/cli/run';
import { MemoryProject } from '../../shared/commands/memory';
import { readQdpx, writeQdpx } from '../../shared/exchange/qdpx';
import { copyProjectBundle } from '../../shared/exchange/copy-bundle';
import { buildPack, editTemplate, gatherPackInput, makePack, presetTemplate, templateFor, type PackTemplate, type TemplateEdit } from '../../shared/packs';
import { eachCodec } from './aes-codec';
import { smallBundle } from './fixtures';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`pack-templates-${++n}`);
  const b = smallBundle(700 + n);
  await execute(db, b.project.id, { type: 'importProject', bundle: b });
  return { db, b, pid: b.project.id };
}
const stored = (db: ChorusDb, pid: string) => db.packTemplates.where('projectId').equals(pid).toArray();

/** The practitioners preset with a section moved, one dropped and a heading reworded. */
function edited(): PackTemplate {
  let t = presetTemplate('practitioners');
  t = editTemplate(t, { op: 'move', id: 'quotes', to: 0 });
  t = editTemplate(t, { op: 'drop', id: 'training' });
  t = editTemplate(t, { op: 'reword', id: 'differently', heading: 'Change this on Monday', intro: 'Three things to try.' });
  return editTemplate(t, { op: 'retitle', title: 'Notes for response officers' });
}
const headings = (t: PackTemplate, b: ReturnType<typeof smallBundle>) =>
  buildPack(t, gatherPackInput(b, { now: new Date('2026-12-03T00:00:00Z') }))
    .blocks.flatMap((x) => (x.kind === 'heading' && x.level === 2 ? [x.text] : []));

eachCodec(() => {
  describe('savePackTemplate and resetPackTemplate (Dexie executor)', () => {
    it('saves the edited template as one undoable step, the bundle carries it, reset brings back the preset, and undo reverses each', async () => {
      const { db, pid } = await seeded();
      const t = edited();
      const saved = await execute(db, pid, { type: 'savePackTemplate', template: t });
      expect(saved.step).not.toBeNull();
      expect(await stored(db, pid)).toEqual([{ id: saved.result.id, projectId: pid, audience: 'practitioners', title: t.title, sections: t.sections, updatedAt: expect.any(String) }]);

      const bundle = await exportBundle(db, pid);
      expect(templateFor(bundle, 'practitioners')).toEqual(t);
      expect(templateFor(bundle, 'public')).toEqual(presetTemplate('public'));
      // the app's pack (makePack over the exported bundle) is the pure builder's answer for the stored template
      const now = new Date('2026-12-03T00:00:00Z');
      expect(makePack(bundle, 'practitioners', { now })).toEqual(buildPack(t, gatherPackInput(bundle, { now })));

      // a second save of another edit replaces the same row
      const again = await execute(db, pid, { type: 'savePackTemplate', template: editTemplate(t, { op: 'reword', id: 'themes', heading: 'Themes' }) });
      expect(again.result.id).toBe(saved.result.id);
      expect((await stored(db, pid)).map((r) => r.sections.find((s) => s.id === 'themes')!.heading)).toEqual(['Themes']);

      const reset = await execute(db, pid, { type: 'resetPackTemplate', audience: 'practitioners' });
      expect(reset.result).toEqual({ audience: 'practitioners', reset: true });
      expect(await stored(db, pid)).toEqual([]);
      expect(templateFor(await exportBundle(db, pid), 'practitioners')).toEqual(presetTemplate('practitioners'));

      await execute(db, pid, { type: 'undo' });
      expect((await stored(db, pid))[0]!.sections.find((s) => s.id === 'themes')!.heading).toBe('Themes');
      await execute(db, pid, { type: 'undo' });
      expect((await stored(db, pid))[0]!.sections).toEqual(t.sections);
      await execute(db, pid, { type: 'undo' });
      expect(await stored(db, pid)).toEqual([]);

      const history = (await db.history.where('projectId').equals(pid).toArray()).map((h) => h.label);
      expect(history).toEqual(expect.arrayContaining(['Edit the practitioners pack template', 'Reset the practitioners pack template']));
      // the audit names the row and counts sections: never a heading, title or wording
      const audit = (await db.audit.where('projectId').equals(pid).toArray()).filter((a) => a.action.startsWith('packTemplate.'))
        .sort((x, y) => x.at.localeCompare(y.at));
      expect(audit.map((a) => a.action)).toEqual(['packTemplate.save', 'packTemplate.save', 'packTemplate.reset']);
      expect(audit[0]).toMatchObject({ ids: [saved.result.id], counts: { sections: t.sections.length } });
      const words = JSON.stringify(audit);
      for (const w of ['Change this on Monday', 'Three things', 'response officers', 'Themes']) expect(words).not.toContain(w);
    });

    it('saving the same template again and resetting a preset change nothing (no step, no audit entry)', async () => {
      const { db, pid } = await seeded();
      await execute(db, pid, { type: 'savePackTemplate', template: edited() });
      const [steps, audits] = [await db.history.count(), await db.audit.count()];
      const same = await execute(db, pid, { type: 'savePackTemplate', template: edited() });
      expect(same.step).toBeNull();
      const none = await execute(db, pid, { type: 'resetPackTemplate', audience: 'public' });
      expect(none).toMatchObject({ step: null, result: { audience: 'public', reset: false } });
      expect([await db.history.count(), await db.audit.count()]).toEqual([steps, audits]);
    });

    it('refuses templates the audience cannot have, with a clear message, and writes nothing', async () => {
      const { db, pid } = await seeded();
      await execute(db, pid, { type: 'savePackTemplate', template: edited() });
      const before = await stored(db, pid);
      const history = await db.history.count();
      const pub = presetTemplate('public');
      const bad: [unknown, RegExp][] = [
        [{ ...pub, sections: [...pub.sections, { id: 'tables', kind: 'tables', heading: 'Tables', intro: '' }] }, /a public pack cannot have a "tables" section/],
        [{ ...pub, sections: [pub.sections[0], pub.sections[0]] }, /two sections with id "intro"/],
        [{ ...pub, title: '' }, /pack template is not valid: title/],
        [{ ...pub, sections: [{ ...pub.sections[1]!, heading: '' }] }, /pack template is not valid: sections\.0\.heading/],
        [{ ...pub, audience: 'board' }, /pack template is not valid: audience/],
        [{ ...pub, sections: [{ id: 'x', kind: 'gossip', heading: 'X', intro: '' }] }, /pack template is not valid: sections\.0\.kind/],
      ];
      for (const [template, msg] of bad) await expect(execute(db, pid, { type: 'savePackTemplate', template: template as PackTemplate })).rejects.toThrow(msg);
      await expect(execute(db, pid, { type: 'resetPackTemplate', audience: 'board' as never })).rejects.toThrow(/no "board" pack/);
      expect(await stored(db, pid)).toEqual(before);
      expect(await db.history.count()).toBe(history);
    });
  });
});

describe('pack templates travel with the project', () => {
  it('export bundle → .qdpx → bundle keeps each audience’s template; a file without any writes none', async () => {
    const { db, b, pid } = await seeded();
    await execute(db, pid, { type: 'savePackTemplate', template: edited() });
    await execute(db, pid, { type: 'savePackTemplate', template: editTemplate(presetTemplate('public'), { op: 'drop', id: 'quotes' }) });
    const bundle = await exportBundle(db, pid);
    expect(bundle.packTemplates?.map((t) => t.audience).sort()).toEqual(['practitioners', 'public']);
    const back = readQdpx(writeQdpx(bundle), 'p.qdpx');
    expect(back.packTemplates).toEqual(bundle.packTemplates);
    for (const a of ['executive', 'practitioners', 'public', 'partners'] as const) expect(templateFor(back, a)).toEqual(templateFor(bundle, a));
    expect(readQdpx(writeQdpx(b), 'none.qdpx').packTemplates).toBeUndefined();
    // a copy of the project (fresh ids) keeps the templates as they are, owned by the copy
    const copy = copyProjectBundle(bundle);
    expect(copy.packTemplates?.every((t) => t.projectId === copy.project.id)).toBe(true);
    for (const a of ['practitioners', 'public'] as const) expect(templateFor(copy, a)).toEqual(templateFor(bundle, a));

    // …and into another store, and into the CLI's in-memory executor (where reset and undo work the same)
    const other = await openChorusDb(`pack-templates-other-${n}`);
    await execute(other, pid, { type: 'importProject', bundle: back });
    expect(await stored(other, pid)).toEqual(bundle.packTemplates);
    const m = MemoryProject.fromBundle(back);
    m.execute({ type: 'resetPackTemplate', audience: 'public' });
    expect(m.toBundle().packTemplates?.map((t) => t.audience)).toEqual(['practitioners']);
    m.execute({ type: 'undo' });
    expect(byAudience(m.toBundle().packTemplates)).toEqual(byAudience(back.packTemplates));
  });

  it('`chorus pack` makes the pack from the project’s stored template', async () => {
    const { db, pid } = await seeded();
    await execute(db, pid, { type: 'savePackTemplate', template: edited() });
    const bundle = await exportBundle(db, pid);
    const dir = mkdtempSync(path.join(tmpdir(), 'chorus-pack-template-'));
    const file = path.join(dir, 'p.qdpx');
    writeFileSync(file, writeQdpx(bundle));
    const out = path.join(dir, 'practitioners.html');
    let err = '';
    const code = await runCli(['pack', file, '--audience', 'practitioners', '--format', 'html', '-o', out], { out: () => {}, err: (t) => void (err += t) });
    expect(err).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const h2 = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((x) => x[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    const expected = headings(edited(), bundle);
    expect(h2).toEqual(expected);
    expect(h2).toContain('Change this on Monday');
    expect(h2).not.toContain('Training implications');
    expect(h2[0]).toBe('In their words');
    expect(html).toContain('Notes for response officers');
  }, 120_000);
});

const byAudience = <T extends { audience: string }>(xs: T[] | undefined) => [...(xs ?? [])].sort((a, b) => a.audience.localeCompare(b.audience));

const edit: fc.Arbitrary<TemplateEdit> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), id: fc.constantFrom('themes', 'findings', 'quotes', 'differently', 'training', 'method', 'sources', 'limits') }),
  fc.record({ op: fc.constant('move' as const), id: fc.constantFrom('themes', 'findings', 'quotes', 'differently', 'training', 'method', 'sources', 'limits'), to: fc.nat(9) }),
  fc.record({ op: fc.constant('reword' as const), id: fc.constantFrom('themes', 'quotes', 'method'), heading: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), intro: fc.string({ maxLength: 40 }) }),
  fc.record({ op: fc.constant('add' as const), section: fc.record({ id: fc.constantFrom('extra-1', 'extra-2'), kind: fc.constantFrom('text' as const, 'charts' as const, 'codebook' as const), heading: fc.constant('More'), intro: fc.constant('') }), at: fc.nat(9) }),
);

describe('any sequence of edits (property)', () => {
  it('saved through the in-memory executor and a .qdpx round trip, the pack is the builder’s answer for the edited template', () => {
    const b = smallBundle(77);
    const now = new Date('2026-12-03T00:00:00Z');
    const input = gatherPackInput(b, { now });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        let t = presetTemplate('practitioners');
        for (const e of edits) {
          try {
            t = editTemplate(t, e);
          } catch {
            // an edit naming a dropped section, or adding an id twice, is refused and leaves the template as it was
          }
        }
        const m = MemoryProject.fromBundle(b);
        m.execute({ type: 'savePackTemplate', template: t });
        const back = readQdpx(writeQdpx(m.toBundle()), 'p.qdpx');
        expect(templateFor(back, 'practitioners')).toEqual(t);
        expect(makePack(back, 'practitioners', { now }).blocks).toEqual(buildPack(t, input).blocks);
        m.execute({ type: 'resetPackTemplate', audience: 'practitioners' });
        expect(templateFor(m.toBundle(), 'practitioners')).toEqual(presetTemplate('practitioners'));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
