import { useMemo } from 'react';
import { buildCodeTree } from '../../../shared/coding/tree';
import type { Code } from '../../../shared/model';
import { CodeTree } from './CodeTree';
import { MoveToSelect } from './MoveToSelect';
import { useTreeState } from './useTreeState';

interface Props {
  codes: readonly Code[];
  counts: ReadonlyMap<string, number>;
  /** Whether a text selection is waiting for a code (activating a code then applies it). */
  canApply: boolean;
  onApply: (codeId: string) => void;
  onCreate: (parentId: string | null) => Promise<Code>;
  onRename: (id: string, name: string) => void;
  onMove: (id: string, parentId: string | null) => void;
  onDelete: (id: string) => void;
}

export function CodebookPanel({ codes, counts, canApply, onApply, onCreate, onRename, onMove, onDelete }: Props) {
  const nodes = useMemo(() => buildCodeTree(codes), [codes]);
  const tree = useTreeState();
  const focused = codes.find((c) => c.id === tree.focusedId);

  const create = async (parentId: string | null) => {
    const code = await onCreate(parentId);
    if (parentId) tree.toggle(parentId, true);
    tree.setFocusedId(code.id);
    tree.setRenamingId(code.id);
  };

  return (
    <section className="codebook" aria-labelledby="codebook-title">
      <div className="codebook__head">
      <h2 id="codebook-title" className="pane-title">
        Codebook
      </h2>
      <div className="toolbar" role="toolbar" aria-label="Codebook actions">
        <button type="button" onClick={() => void create(null)}>
          New code
        </button>
        <button type="button" disabled={!focused} onClick={() => focused && void create(focused.id)}>
          New subcode
        </button>
        <button type="button" disabled={!focused} onClick={() => focused && tree.setRenamingId(focused.id)}>
          Rename
        </button>
        <button
          type="button"
          disabled={!focused}
          onClick={() => {
            if (focused && window.confirm(`Delete the code “${focused.name}”, its subcodes and all their codings?`)) {
              onDelete(focused.id);
              tree.setFocusedId(null);
            }
          }}
        >
          Delete
        </button>
      </div>
      <MoveToSelect code={focused} codes={codes} nodes={nodes} onMove={onMove} />
      {canApply && <p className="hint">Click a code, or press Enter on it, to apply it to the selected text.</p>}
      </div>
      {nodes.length === 0 ? (
        <p className="empty">No codes yet. Use “New code” to start the codebook.</p>
      ) : (
        <CodeTree
          nodes={nodes}
          counts={counts}
          tree={tree}
          onActivate={(id) => canApply && onApply(id)}
          onRename={onRename}
          onMove={onMove}
          onNewSubcode={(id) => void create(id)}
        />
      )}
    </section>
  );
}
