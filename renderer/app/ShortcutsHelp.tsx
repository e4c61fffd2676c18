import { Modal } from './Modal';

export const SHORTCUTS: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['?', 'Show this list of keyboard shortcuts'],
  ['Tab', 'Move between the document list, the document text, the codebook and the codings'],
  ['→ / ←', 'In the document text: move to the next or previous word (selects it)'],
  ['Shift + → / ←', 'In the document text: extend the selection by a word'],
  ['↓ / ↑', 'In the document text: move to the next or previous speaker turn (Shift extends)'],
  ['Home / End', 'In the document text: move to the start or end of the turn (Shift extends)'],
  ['Enter', 'In the document text: open the quick-code box for the selection'],
  ['Type, ↓ / ↑, Enter', 'In the quick-code box: filter codes, choose one, apply it'],
  ['Escape', 'Close the quick-code box, or clear the selection'],
  ['↓ / ↑ / → / ←', 'In the codebook: move between codes, expand or collapse'],
  ['Enter', 'In the codebook: apply the focused code to the selection'],
  ['F2', 'In the codebook: rename the focused code'],
  ['Insert', 'In the codebook: new subcode under the focused code'],
  ['Alt + ↑ / ↓', 'In the codebook: move the focused code up or down among its siblings'],
  ['Alt + → / ←', 'In the codebook: indent under the code above, or outdent to the parent’s level'],
  ['1 – 9', 'With text selected: apply one of the first nine codes in codebook order (numbered in the codebook); in the Survey grid: apply it to the selected answer'],
  ['Alt + 1 – 9', 'In the quick-code box: apply one of those numbered codes (plain digits type into the filter)'],
  ['↓ / ↑ / → / ←', 'In the Survey grid: move to the next or previous response, or question (the selected answer)'],
  ['Home / End, Page Up / Down', 'In the Survey grid: the first or last response, or a page up or down'],
  ['Delete', 'With text selected: remove your codings that overlap the selection (uncode)'],
  ['Ctrl + Z', 'Undo (⌘ Z on a Mac); works across documents and after a reload'],
  ['Ctrl + Shift + Z, Ctrl + Y', 'Redo'],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys + action}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Nesting without a mouse: focus a code, then choose its new parent in “Move to…”.</p>
      <div className="modal__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
