import { useMemo, useState } from 'react';
import { execute, isChangedElsewhere } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { buildCodeTree } from '../../../shared/coding/tree';
import type { Code } from '../../../shared/model';
import { MemoDialog } from '../memos/MemoDialog';
import { CodeView } from '../evidence/CodeView';
import { codePathText } from './codePath';
import { CodebookMenu } from './CodebookMenu';
import { CodeDetailsDialog } from './CodeDetailsDialog';
import { CodeTree } from './CodeTree';
import type { CodeCountMaps } from './countsText';
import { DeleteCodeDialog } from './DeleteCodeDialog';
import { MergeCodeDialog } from './MergeCodeDialog';
import { MoveToSelect } from './MoveToSelect';
import { SplitCodeDialog } from './SplitCodeDialog';
import { TemplateDialog } from './TemplateDialog';
import { filterTree } from './treeMoves';
import { useTreeState } from './useTreeState';
import './codebook.css';
import { errorMessage } from '../../../shared/error-message';

interface Props {
  projectId: string;
  projectName: string;
  codes: readonly Code[];
  counts: CodeCountMaps;
  /** Whether a text selection is waiting for a code (activating a code then applies it). */
  canApply: boolean;
  onApply: (codeId: string) => void;
  /** Code id → its number for the 1–9 keys. */
  shortcuts: ReadonlyMap<string, number>;
  /** Ids of codes with a memo. */
  memos: ReadonlySet<string>;
  coderId: string | null;
  onStatus: (message: string) => void;
}

type Dialog = { kind: 'details' | 'merge' | 'split' | 'delete' | 'memo' | 'segments'; code: Code } | { kind: 'template' } | null;

/** The codebook: a tree of codes with counts, a name filter, and every codebook operation. */
export function CodebookPanel({ projectId, projectName, codes, counts, canApply, onApply, shortcuts, memos, coderId, onStatus }: Props) {
  const db = useDb();
  const all = useMemo(() => buildCodeTree(codes), [codes]);
  const [filter, setFilter] = useState('');
  const nodes = useMemo(() => filterTree(all, filter), [all, filter]);
  const tree = useTreeState();
  const [dialog, setDialog] = useState<Dialog>(null);
  const focused = codes.find((c) => c.id === tree.focusedId);
  const fail = (e: unknown) => onStatus(errorMessage(e));
  const done = (message: string) => {
    setDialog(null);
    onStatus(message);
  };

  const create = async (parentId: string | null) => {
    try {
      const { result: code } = await execute(db, projectId, { type: 'createCode', name: 'New code', parentId });
      setFilter('');
      if (parentId) tree.toggle(parentId, true);
      tree.setFocusedId(code.id);
      tree.setRenamingId(code.id);
    } catch (e) {
      fail(e);
    }
  };
  // (each edit carries what the tree showed, so a change made meanwhile in another tab or window is never silently overwritten)
  const move = (id: string, parentId: string | null, index?: number) =>
    void execute(db, projectId, { type: 'moveCode', codeId: id, parentId, index, base: { parentId: codes.find((c) => c.id === id)?.parentId ?? null } }).then(
      () => onStatus('Code moved.'),
      (e: unknown) => (isChangedElsewhere(e) ? onStatus('Not moved: this code was moved in another tab or window meanwhile. The codebook now shows where it is; move it again if you still want to.') : fail(e)),
    );
  const rename = (id: string, name: string, from: string) =>
    void execute(db, projectId, { type: 'updateCode', codeId: id, patch: { name }, base: { name: from } }).catch((e: unknown) =>
      isChangedElsewhere(e) ? onStatus(`Not renamed: “${from}” was renamed in another tab or window meanwhile, so “${name}” was not saved. The codebook shows its name now; rename it again to overwrite.`) : fail(e),
    );
  const open = (kind: 'details' | 'merge' | 'split' | 'delete' | 'memo' | 'segments') => focused && setDialog({ kind, code: focused });
  const viewSegments = (id: string) => {
    const code = codes.find((c) => c.id === id);
    if (code) setDialog({ kind: 'segments', code });
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
          <button type="button" disabled={!focused} onClick={() => open('details')}>
            Details…
          </button>
          <button type="button" disabled={!focused} onClick={() => open('memo')}>
            Memo…
          </button>
          <button type="button" disabled={!focused} onClick={() => open('segments')} title="Every segment coded with this code (Enter on a code)">
            View coded segments
          </button>
          <button type="button" disabled={!focused || codes.length < 2} onClick={() => open('merge')}>
            Merge…
          </button>
          <button type="button" disabled={!focused} onClick={() => open('split')}>
            Split…
          </button>
          <button type="button" disabled={!focused} onClick={() => open('delete')}>
            Delete…
          </button>
          <CodebookMenu projectId={projectId} projectName={projectName} codes={codes} onStatus={onStatus} />
        </div>
        <MoveToSelect code={focused} codes={codes} nodes={all} onMove={(id, parentId) => move(id, parentId)} />
        <div className="codebook__filter">
          <label htmlFor="code-filter">Filter codes</label>
          <input id="code-filter" type="search" value={filter} placeholder="Type part of a name" onChange={(e) => setFilter(e.target.value)} />
        </div>
        {canApply ? (
          <p className="hint">Click a code, press Enter on it, or press its number key, to apply it to the selected text.</p>
        ) : (
          codes.length > 0 && <p className="hint">Press Enter on a code to see every segment coded with it.</p>
        )}
      </div>
      {all.length === 0 ? (
        <div className="empty">
          <p>No codes yet. Use “New code” to start the codebook, or start from a template.</p>
          <button type="button" onClick={() => setDialog({ kind: 'template' })}>
            Start from a template…
          </button>
        </div>
      ) : nodes.length === 0 ? (
        <p className="empty">No code name contains “<bdi>{filter}</bdi>”.</p>
      ) : (
        <CodeTree
          nodes={nodes}
          counts={counts}
          tree={tree}
          expandAll={filter.trim() !== ''}
          shortcuts={shortcuts}
          memos={memos}
          onActivate={(id) => canApply && onApply(id)}
          onEnter={(id) => (canApply ? onApply(id) : viewSegments(id))}
          onRename={rename}
          onMove={move}
          onNewSubcode={(id) => void create(id)}
        />
      )}
      {dialog?.kind === 'details' && <CodeDetailsDialog code={dialog.code} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'merge' && <MergeCodeDialog code={dialog.code} codes={codes} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'split' && <SplitCodeDialog code={dialog.code} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'delete' && (
        <DeleteCodeDialog
          code={dialog.code}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            tree.setFocusedId(null);
            done(m);
          }}
        />
      )}
      {dialog?.kind === 'memo' && (
        <MemoDialog projectId={projectId} target={{ kind: 'code', id: dialog.code.id }} about={`code “${dialog.code.name}”`} coderId={coderId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'segments' && (
        <CodeView
          projectId={projectId}
          coderId={coderId}
          request={{ title: codePathText(codes, dialog.code.id), query: { codeIds: [dialog.code.id] }, subcodesSwitch: true }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'template' && <TemplateDialog projectId={projectId} onClose={() => setDialog(null)} onDone={done} />}
    </section>
  );
}
