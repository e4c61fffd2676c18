/**
 * The chosen audience's pack template as an editable list of sections: move up or down, remove,
 * add a section the audience may carry, reword a heading and its wording, retitle the pack. Edits
 * change a draft (the preview follows it at once); Save stores it through `savePackTemplate`,
 * Reset to preset through `resetPackTemplate` — both one undoable step. Every control is labelled
 * and reachable by keyboard; after a move the focus stays on the section that moved.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { AUDIENCE_LABELS, type PackAudience } from '../../../shared/packs/model';
import { FORBIDDEN_KINDS, PRESETS, SECTION_KINDS, editTemplate, type PackSection, type PackTemplate, type SectionKind, type TemplateEdit } from '../../../shared/packs/templates';

/** What each kind of section holds, in the words the editor offers. */
export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  'headline-findings': 'Headline findings',
  charts: 'Charts',
  strength: 'Strength of evidence',
  decisions: 'Decisions asked for',
  themes: 'Themes and subcategories',
  quotes: 'Quotes',
  'do-differently': 'What to do differently',
  training: 'Training implications',
  'you-said-we-did': 'You said, we did',
  feedback: 'How to give feedback',
  support: 'Where to get support',
  tables: 'Tables',
  codebook: 'Codebook',
  reliability: 'Reliability',
  method: 'Method',
  'sources-dates': 'Sources and dates',
  limitations: 'Limitations',
  text: 'Text of your own',
};

/** A new section of `kind`: the preset's heading and wording for it where a preset has one, and an id not yet used. */
export function newSection(t: PackTemplate, kind: SectionKind): PackSection {
  const preset = PRESETS[t.audience].sections.find((s) => s.kind === kind) ?? Object.values(PRESETS).flatMap((p) => p.sections).find((s) => s.kind === kind);
  const used = new Set(t.sections.map((s) => s.id));
  let id: string = kind;
  for (let i = 2; used.has(id); i++) id = `${kind}-${i}`;
  return { id, kind, heading: preset?.heading ?? SECTION_KIND_LABELS[kind], intro: preset?.intro ?? '' };
}

interface Props {
  audience: PackAudience;
  draft: PackTemplate;
  /** The project has its own template for this audience (so Reset to preset has something to reset). */
  stored: boolean;
  /** The draft differs from what is stored (or from the preset). */
  dirty: boolean;
  busy: boolean;
  onChange(next: PackTemplate): void;
  onSave(): void;
  onReset(): void;
  onDiscard(): void;
}

export function TemplateEditor({ audience, draft, stored, dirty, busy, onChange, onSave, onReset, onDiscard }: Props) {
  const uid = useId();
  const allowed = SECTION_KINDS.filter((k) => !FORBIDDEN_KINDS[audience].includes(k));
  const [addKind, setAddKind] = useState<SectionKind>(allowed[0]!);
  const [problem, setProblem] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState<{ id: string; action: string } | null>(null);

  useEffect(() => {
    if (!focus || !listRef.current) return;
    const item = [...listRef.current.children].find((li): li is HTMLElement => li instanceof HTMLElement && li.dataset.section === focus.id);
    const order = [focus.action, 'up', 'down', 'remove'];
    const target = order.map((a) => item?.querySelector<HTMLButtonElement>(`[data-action="${a}"]:not([disabled])`)).find(Boolean);
    (target ?? item?.querySelector<HTMLElement>('input'))?.focus();
    setFocus(null);
  }, [focus, draft]);

  const apply = (edit: TemplateEdit, after?: { id: string; action: string }) => {
    try {
      onChange(editTemplate(draft, edit));
      setProblem('');
      if (after) setFocus(after);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  /** Text fields edit the draft as typed (an empty heading shows a problem until it is filled). */
  const setText = (id: string | null, field: 'title' | 'heading' | 'intro', value: string) => {
    const next: PackTemplate = id === null ? { ...draft, title: value } : { ...draft, sections: draft.sections.map((s) => (s.id === id ? { ...s, [field]: value } : s)) };
    onChange(next);
    setProblem(value.trim() === '' && field !== 'intro' ? `A ${field === 'title' ? 'pack title' : 'section heading'} cannot be empty.` : '');
  };

  const remove = (i: number, s: PackSection) => {
    const next = draft.sections[i + 1] ?? draft.sections[i - 1];
    apply({ op: 'drop', id: s.id }, next ? { id: next.id, action: 'remove' } : undefined);
  };

  const n = draft.sections.length;
  return (
    <section className="pack-template-editor" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>Template for {AUDIENCE_LABELS[audience].toLowerCase()}</h2>
      <p className="pack-template-state" data-testid="template-state">
        {stored ? 'This project’s own template.' : 'The preset template.'}
        {dirty ? ' You have changes that are not saved.' : ''}
      </p>
      <label className="pack-template-title">
        Pack title
        <input type="text" value={draft.title} maxLength={200} onChange={(e) => setText(null, 'title', e.target.value)} />
      </label>
      <ol className="pack-template-sections" ref={listRef} aria-label="Sections, in order">
        {draft.sections.map((s, i) => (
          <li key={s.id} data-section={s.id}>
            <fieldset>
              <legend>
                Section {i + 1} of {n}: {SECTION_KIND_LABELS[s.kind]}
              </legend>
              <label>
                Heading
                <input type="text" value={s.heading} maxLength={200} onChange={(e) => setText(s.id, 'heading', e.target.value)} />
              </label>
              <label>
                Wording under the heading
                <textarea value={s.intro} maxLength={5000} rows={s.intro ? 3 : 1} onChange={(e) => setText(s.id, 'intro', e.target.value)} />
              </label>
              <div className="pack-template-buttons">
                <button type="button" data-action="up" disabled={i === 0} aria-label={`Move up: “${s.heading}”`} onClick={() => apply({ op: 'move', id: s.id, to: i - 1 }, { id: s.id, action: 'up' })}>
                  Move up
                </button>
                <button type="button" data-action="down" disabled={i === n - 1} aria-label={`Move down: “${s.heading}”`} onClick={() => apply({ op: 'move', id: s.id, to: i + 1 }, { id: s.id, action: 'down' })}>
                  Move down
                </button>
                <button type="button" data-action="remove" aria-label={`Remove: “${s.heading}”`} onClick={() => remove(i, s)}>
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="pack-template-note">Every pack states its method, sources and dates, and limitations: if you remove those sections, they are added at the end.</p>
      <form
        className="pack-template-add"
        onSubmit={(e) => {
          e.preventDefault();
          const section = newSection(draft, addKind);
          apply({ op: 'add', section }, { id: section.id, action: 'up' });
        }}
      >
        <label>
          Add a section
          <select value={addKind} onChange={(e) => setAddKind(e.target.value as SectionKind)}>
            {allowed.map((k) => (
              <option key={k} value={k}>
                {SECTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={n >= 40}>
          Add section
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="pack-template-actions" role="group" aria-label="Save the template">
        <button type="button" disabled={!dirty || busy || problem !== ''} onClick={onSave}>
          Save template
        </button>
        <button type="button" disabled={!dirty || busy} onClick={onDiscard}>
          Discard changes
        </button>
        <button type="button" disabled={!stored || busy} onClick={onReset}>
          Reset to preset
        </button>
      </div>
    </section>
  );
}
