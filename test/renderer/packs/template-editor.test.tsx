/** The template editor: its buttons make the same template the pure edit functions make; the audience's forbidden sections are not offered; focus follows a moved section. */
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TemplateEditor } from '../../../renderer/features/packs/TemplateEditor';
import { editTemplate, presetTemplate, type PackTemplate } from '../../../shared/packs/templates';

function Harness({ start, seen }: { start: PackTemplate; seen: PackTemplate[] }) {
  const [draft, setDraft] = useState(start);
  return (
    <TemplateEditor
      audience={start.audience}
      draft={draft}
      stored={false}
      dirty={JSON.stringify(draft) !== JSON.stringify(start)}
      busy={false}
      onChange={(t) => {
        seen.push(t);
        setDraft(t);
      }}
      onSave={() => {}}
      onReset={() => {}}
      onDiscard={() => setDraft(start)}
    />
  );
}

describe('TemplateEditor', () => {
  it('move, remove, add and reword give the pure functions’ template, and the moved section keeps the focus', () => {
    const seen: PackTemplate[] = [];
    render(<Harness start={presetTemplate('public')} seen={seen} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move up: “You said, we did”' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move up: “You said, we did”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove: “In your words”' }));
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Heading' })[0]!, { target: { value: 'Thank you for telling us' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Add a section' }), { target: { value: 'charts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add section' }));

    let expected = editTemplate(presetTemplate('public'), { op: 'move', id: 'said-did', to: 2 });
    expected = editTemplate(expected, { op: 'drop', id: 'quotes' });
    expected = editTemplate(expected, { op: 'reword', id: 'intro', heading: 'Thank you for telling us' });
    expected = editTemplate(expected, { op: 'add', section: { id: 'charts', kind: 'charts', heading: 'The evidence in charts', intro: '' } });
    expect(seen.at(-1)).toEqual(expected);
    expect(screen.getByTestId('template-state').textContent).toMatch(/changes that are not saved/);
  }, 60_000);

  it('offers only the sections the audience may have, and flags an empty heading without allowing a save', () => {
    render(<Harness start={presetTemplate('public')} seen={[]} />);
    const offered = screen.getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(offered).not.toContain('tables');
    expect(offered).not.toContain('codebook');
    expect(offered).toContain('you-said-we-did');
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Heading' })[1]!, { target: { value: ' ' } });
    expect(screen.getByRole('alert').textContent).toBe('A section heading cannot be empty.');
    expect((screen.getByRole('button', { name: 'Save template' }) as HTMLButtonElement).disabled).toBe(true);
  }, 60_000);
});
