/**
 * Every audit action a writer can record has a name in the viewer. The action names are collected
 * from the writers' source (command handlers' `audit: { action: … }`, the purge's `auditOf('…')`,
 * `recordAudit(db, …, '…')`, and re-encryption's audit row), so a new command that records an
 * action the viewer has no words for fails here instead of showing a raw code to the reader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabel, LABELLED_ACTIONS } from '../../../shared/audit/log';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../../../shared/commands';

const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Template-literal action names, with every value they can take (a new template must be added here). */
const TEMPLATES: Record<string, string[]> = {
  'finding.${link ? \'link\' : \'unlink\'}-${kind}': ['link', 'unlink'].flatMap((l) => ['codes', 'quotes'].map((k) => `finding.${l}-${k}`)),
  'export.${cmd.kind}.${cmd.format}': EXPORT_KINDS.flatMap((k) => EXPORT_FORMATS.map((f) => `export.${k}.${f}`)),
};

const NAME = /'([a-z]+(?:\.[a-z-]+)+)'/g;

/** The action names written anywhere in shared/ and renderer/, and templates the test does not know. */
function collect(): { names: Map<string, string>; unknownTemplates: string[] } {
  const names = new Map<string, string>();
  const unknownTemplates: string[] = [];
  const add = (n: string, file: string) => names.set(n, relative(ROOT, file));
  for (const file of [...sourceFiles(join(ROOT, 'shared')), ...sourceFiles(join(ROOT, 'renderer'))]) {
    const src = readFileSync(file, 'utf8');
    // `action: <expression>` up to the next `ids`/`counts` key or the line's end
    for (const m of src.matchAll(/\baction:\s*([^\n]*?)(?:,\s*(?:ids|counts)\b|,?\s*$)/gm)) {
      const expr = m[1]!.trim();
      const tpl = /`([^`]*)`/.exec(expr);
      if (tpl) {
        const known = TEMPLATES[tpl[1]!];
        if (known) known.forEach((n) => add(n, file));
        else unknownTemplates.push(`${relative(ROOT, file)}: ${tpl[1]}`);
        continue;
      }
      for (const n of expr.matchAll(NAME)) add(n[1]!, file);
    }
    for (const m of src.matchAll(/\bauditOf\(\s*'([^']+)'/g)) add(m[1]!, file);
    for (const m of src.matchAll(/\brecordAudit\(\s*db\s*,\s*[^,]+,\s*'([^']+)'/g)) add(m[1]!, file);
  }
  return { names, unknownTemplates };
}

describe('audit viewer labels', () => {
  const { names, unknownTemplates } = collect();

  it('finds the writers (the collector is not reading nothing)', () => {
    for (const n of ['safeguard.flag', 'safeguard.review', 'retraction.mark', 'retraction.confirm', 'retention.delete', 'retention.set', 'quote.star', 'finding.create', 'recommendation.create', 'action.status', 'import.commit', 'project.delete', 'coding.add-many', 'history.undo']) {
      expect(names.has(n), n).toBe(true);
    }
    expect(names.size).toBeGreaterThan(50);
  });

  it('knows every template action name', () => {
    expect(unknownTemplates).toEqual([]);
  });

  it('has a plain-English label for every action any writer can record', () => {
    const missing = [...names].filter(([n]) => !LABELLED_ACTIONS.includes(n) && !/^export\./.test(n)).map(([n, f]) => `${n} (${f})`);
    expect(missing).toEqual([]);
    for (const [n] of names) {
      const label = actionLabel(n);
      expect(label, n).not.toBe(n);
      expect(label, n).toMatch(/^[A-Z]/);
    }
  });

  it('labels no action twice with the same words', () => {
    const labels = LABELLED_ACTIONS.map(actionLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
