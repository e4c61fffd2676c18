import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { execute, getParticipant, listDocumentView } from '../db/api';
import { documentView, viewDocument } from '../../shared/import/document-view';
import type { WorkspaceProps } from './workspaces';
import { useOpenDocumentRequest } from './openDocument';
import { CodebookPanel } from '../features/codebook/CodebookPanel';
import { codingsUnder } from '../features/codebook/recentCodes';
import { quickKeyCodes } from '../../shared/coding/quick-keys';
import { useBlindMode } from '../features/coders/useBlindMode';
import { CodingList } from '../features/coding/CodingList';
import { DocumentViewer } from '../features/coding/DocumentViewer';
import { snippet } from '../../shared/coding/snippet';
import type { CodeOption, ShownCoding } from '../features/coding/types';
import { useDocumentData } from '../features/coding/useDocumentData';
import type { TextSpan } from '../features/coding/words';
import { MemoDialog } from '../features/memos/MemoDialog';
import { useMemoIndex } from '../features/memos/useMemoIndex';
import '../features/memos/memos.css';
import { DocumentList } from '../features/sources/DocumentList';
import type { Coding, Coder, MemoTarget } from '../../shared/model';
import { useDb } from './dbContext';
import { ImportFirst } from './ImportFirst';
import { useCoder } from './useCoder';
import { useProjectData } from './useProjectData';
import { useCodingStats } from './useCodingStats';
import { errorMessage } from '../../shared/error-message';

const inTextField = (t: EventTarget) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** The three panes for one project: sources, the open document, the codebook and its codings. */
/** The lists the Code workspace reads whole (its documents are a view: a survey's answers are not made into a list). */
const LISTS = ['sources', 'variables', 'codes'] as const;
const NO_DOCUMENTS = documentView([]);

export function ProjectWorkbench({ project }: WorkspaceProps) {
  const db = useDb();
  const data = useProjectData(db, project.id, LISTS);
  const documents = useLiveQuery(() => listDocumentView(db, project.id), [db, project.id]) ?? NO_DOCUMENTS;
  const { coder, coders } = useCoder(db, project.id);
  const [blind] = useBlindMode(db);
  const memoIndex = useMemoIndex(db, project.id);
  const [docId, setDocId] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const [quickOpen, setQuickOpen] = useState(false);
  const [status, setStatus] = useState('');
  useOpenDocumentRequest(db, project.id, (target) => {
    setDocId(target.documentId);
    setSelection({ start: target.start, end: target.end });
  });
  const [memo, setMemo] = useState<{ target: MemoTarget; about: string } | null>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  // (looked up once per choice or list, not at every render)
  const doc = useMemo(() => (docId === null ? undefined : viewDocument(documents, docId)), [documents, docId]);
  const { text, codings: stored } = useDocumentData(db, doc ? doc.id : null);
  // A coding just written is shown at once, until the live query (which re-reads every coding of
  // the document) returns: the highlight's latency does not grow with the document's codings.
  const [justAdded, setJustAdded] = useState<{ base: Coding[] | undefined; added: Coding[] } | null>(null);
  const codings = useMemo(
    () => (justAdded && justAdded.base === stored && stored ? [...stored, ...justAdded.added.filter((c) => c.documentId === doc?.id)] : stored),
    [stored, justAdded, doc?.id],
  );
  const showAdded = (c: Coding) => setJustAdded((j) => ({ base: stored, added: j && j.base === stored ? [...j.added, c] : [c] }));
  const { counts } = useCodingStats(db, project.id);

  const codeById = useMemo(() => new Map(data.codes.map((c) => [c.id, c])), [data.codes]);
  const keyed = useMemo(() => quickKeyCodes(data.codes).map((c) => c.id), [data.codes]);
  const shortcuts = useMemo(() => new Map(keyed.map((id, i) => [id, i + 1])), [keyed]);
  const codeMemos = useMemo(() => new Set([...memoIndex].filter((k) => k.startsWith('code:')).map((k) => k.slice(5))), [memoIndex]);
  const codingMemos = useMemo(() => new Set([...memoIndex].filter((k) => k.startsWith('coding:')).map((k) => k.slice(7))), [memoIndex]);
  const codeOptions = useMemo<CodeOption[]>(() => {
    const path = (id: string | null, seen = new Set<string>()): string[] => {
      const c = id ? codeById.get(id) : undefined;
      if (!c || seen.has(c.id)) return [];
      seen.add(c.id);
      return [...path(c.parentId, seen), c.name];
    };
    return data.codes.map((c) => ({ id: c.id, name: c.name, colour: c.colour, path: path(c.id).join(' › '), shortcut: shortcuts.get(c.id) }));
  }, [data.codes, codeById, shortcuts]);
  // The previous ShownCoding objects are reused when unchanged, so memoised blocks and list rows keep their props.
  const shownCache = useRef(new Map<string, ShownCoding>());
  const shown = useMemo(() => {
    const next = toShown(codings ?? [], codeById, coders, blind ? (coder?.id ?? null) : undefined, shownCache.current);
    shownCache.current = new Map(next.map((c) => [c.id, c]));
    return next;
  }, [codings, codeById, coders, blind, coder]);

  const fail = (e: unknown) => setStatus(errorMessage(e));
  // Stable handlers for the (memoised) codings list; they read the current text through a ref.
  const textRef = useRef(text);
  textRef.current = text;
  const onCodingMemo = useCallback((c: ShownCoding) => {
    setMemo({ target: { kind: 'coding', id: c.id }, about: `coding “${c.codeName}” of “${snippet(textRef.current?.slice(c.start, c.end) ?? '', 40)}”` });
  }, []);
  const onRemoveCoding = useCallback(
    (id: string) => void execute(db, project.id, { type: 'removeCodings', codingIds: [id], label: 'Remove coding' }).then(() => setStatus('Coding removed.'), (e: unknown) => setStatus(errorMessage(e))),
    [db, project.id],
  );
  const quote = (s: TextSpan) => snippet(text?.slice(s.start, s.end) ?? '', 40);
  const finish = () => {
    setSelection(null);
    setQuickOpen(false);
    paneRef.current?.focus();
  };

  const apply = async (codeId: string) => {
    if (!doc || !selection || !coder) {
      if (!coder) setStatus('This project has no coder, so codings cannot be saved. Add one with “New coder…”.');
      return;
    }
    try {
      const { result } = await execute(db, project.id, { type: 'applyCodings', spans: [{ documentId: doc.id, codeId, start: selection.start, end: selection.end, coderId: coder.id }] });
      showAdded(result[0]!);
      setStatus(`Coded “${quote(selection)}” as ${codeById.get(codeId)?.name ?? 'code'}.`);
      finish();
    } catch (e) {
      fail(e);
    }
  };

  const inVivo = async () => {
    if (!doc || !selection || !coder || text === undefined) return;
    const name = text.slice(selection.start, selection.end).replace(/\s+/g, ' ').trim().slice(0, 80);
    if (!name) return;
    try {
      await execute(db, project.id, { type: 'inVivo', name, documentId: doc.id, start: selection.start, end: selection.end, coderId: coder.id });
      setStatus(`Created the in-vivo code “${name}” and applied it.`);
      finish();
    } catch (e) {
      fail(e);
    }
  };

  const under = selection ? codingsUnder(codings ?? [], selection, coder?.id ?? null) : [];
  const uncode = async () => {
    if (!selection) return;
    if (under.length === 0) {
      setStatus('None of your codings overlap the selection.');
      return;
    }
    try {
      const { result: n } = await execute(db, project.id, { type: 'removeCodings', codingIds: under.map((c) => c.id) });
      setStatus(`Removed ${n} ${n === 1 ? 'coding' : 'codings'} from “${quote(selection)}”.`);
      finish();
    } catch (e) {
      fail(e);
    }
  };

  const onCentreKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || inTextField(e.target) || !selection) return;
    if (/^[1-9]$/.test(e.key)) {
      const id = keyed[Number(e.key) - 1];
      e.preventDefault();
      if (id) void apply(id);
      else setStatus(`No code is on key ${e.key} yet: the keys 1–9 hold the first nine codes in codebook order.`);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      void uncode();
    }
  };

  const source = doc && data.sources.find((s) => s.id === doc.sourceId);
  // (as the document: looked up once per document or list, not at every render)
  const participantId = doc?.participantId;
  const found = useLiveQuery(async () => (participantId ? getParticipant(db, project.id, participantId) : undefined), [db, project.id, participantId]);
  // (a live query gives its last result until the new one comes: never the last document's participant beside this one)
  const participant = found?.id === participantId ? found : undefined;

  return (
    <div className="workbench">
      <aside className="pane pane--left" aria-label="Project and documents">
        <DocumentList
          sources={data.sources}
          documents={documents}
          currentId={docId}
          onOpen={(id) => {
            setDocId(id);
            setSelection(null);
            setQuickOpen(false);
          }}
        />
      </aside>
      <main className="pane pane--centre" id="document-area" tabIndex={-1} onKeyDown={onCentreKey}>
        {doc ? (
          <DocumentViewer
            doc={doc}
            source={source}
            participant={participant}
            variables={data.variables}
            text={text}
            codings={shown}
            selection={selection}
            onSelect={(s) => {
              setSelection(s);
              if (!s) setQuickOpen(false);
            }}
            quickCodeOpen={quickOpen}
            onOpenQuickCode={() => setQuickOpen(true)}
            onCloseQuickCode={() => {
              setQuickOpen(false);
              paneRef.current?.focus();
            }}
            codeOptions={codeOptions}
            onApply={(id) => void apply(id)}
            paneRef={paneRef}
            headerActions={
              <button type="button" className="memo-button-doc" onClick={() => setMemo({ target: { kind: 'document', id: doc.id }, about: `document “${doc.title}”` })}>
                {memoIndex.has(`document:${doc.id}`) ? '✎ Document memo' : 'Add a document memo'}
              </button>
            }
            quickCodeActions={
              <>
                <button type="button" onClick={() => void inVivo()}>
                  In-vivo code
                </button>
                <button type="button" disabled={under.length === 0} onClick={() => void uncode()}>
                  Uncode{under.length > 0 ? ` (${under.length})` : ''}
                </button>
              </>
            }
          />
        ) : (
          <div className="placeholder">
            <h2>{project.name}</h2>
            {documents.length === 0 ? <ImportFirst /> : <p>Choose a document on the left to read and code it.</p>}
          </div>
        )}
      </main>
      <aside className="pane pane--right" aria-label="Codebook and codings">
        <CodebookPanel
          projectId={project.id}
          projectName={project.name}
          codes={data.codes}
          counts={counts}
          canApply={Boolean(doc && selection)}
          onApply={(id) => void apply(id)}
          shortcuts={shortcuts}
          memos={codeMemos}
          coderId={coder?.id ?? null}
          onStatus={setStatus}
        />
        {doc && text !== undefined && codings !== undefined && (
          <CodingList
            text={text}
            codings={shown}
            blind={blind}
            memos={codingMemos}
            onMemo={onCodingMemo}
            onRemove={onRemoveCoding}
          />
        )}
      </aside>
      {memo && <MemoDialog projectId={project.id} target={memo.target} about={memo.about} coderId={coder?.id ?? null} onClose={() => setMemo(null)} />}
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/**
 * The open document's codings as the viewer shows them (code name, colour, coder); `onlyCoder`
 * (blind mode) keeps one coder's. Entries of `previous` that are unchanged are returned as they were.
 */
function toShown(
  codings: readonly Coding[],
  codeById: ReadonlyMap<string, { name: string; colour: string }>,
  coders: readonly Coder[],
  onlyCoder: string | null | undefined,
  previous: ReadonlyMap<string, ShownCoding>,
): ShownCoding[] {
  const coderById = new Map(coders.map((c) => [c.id, c]));
  const out: ShownCoding[] = [];
  for (const c of codings) {
    const code = codeById.get(c.codeId);
    if (!code || (onlyCoder !== undefined && c.coderId !== onlyCoder)) continue;
    const who = coderById.get(c.coderId);
    const coderName = who?.name ?? 'unknown coder';
    const coderInitials = who?.initials ?? '?';
    const old = previous.get(c.id);
    const same =
      old &&
      old.start === c.start &&
      old.end === c.end &&
      old.codeId === c.codeId &&
      old.codeName === code.name &&
      old.colour === code.colour &&
      old.coderName === coderName &&
      old.coderInitials === coderInitials;
    out.push(same ? old : { id: c.id, start: c.start, end: c.end, codeId: c.codeId, codeName: code.name, colour: code.colour, coderName, coderInitials });
  }
  return out;
}
