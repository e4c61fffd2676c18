import { useMemo, useRef, useState } from 'react';
import { addCoding, createCode, deleteCode, moveCode, removeCoding, updateCode } from '../db';
import type { WorkspaceProps } from './workspaces';
import { CodebookPanel } from '../features/codebook/CodebookPanel';
import { CodingList } from '../features/coding/CodingList';
import { DocumentViewer } from '../features/coding/DocumentViewer';
import { snippet } from '../features/coding/snippet';
import type { CodeOption, ShownCoding } from '../features/coding/types';
import { useDocumentData } from '../features/coding/useDocumentData';
import type { TextSpan } from '../features/coding/words';
import { DocumentList } from '../features/sources/DocumentList';
import { useDb } from './dbContext';
import { useCoder } from './useCoder';
import { useProjectData } from './useProjectData';


/** The three panes for one project: sources, the open document, the codebook and its codings. */
export function ProjectWorkbench({ project }: WorkspaceProps) {
  const db = useDb();
  const data = useProjectData(db, project.id);
  const { coder, coders } = useCoder(db, project.id);
  const [docId, setDocId] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const [quickOpen, setQuickOpen] = useState(false);
  const [status, setStatus] = useState('');
  const paneRef = useRef<HTMLDivElement>(null);
  const doc = data.documents.find((d) => d.id === docId);
  const { text, codings } = useDocumentData(db, doc ? doc.id : null);

  const codeById = useMemo(() => new Map(data.codes.map((c) => [c.id, c])), [data.codes]);
  const codeOptions = useMemo<CodeOption[]>(() => {
    const path = (id: string | null, seen = new Set<string>()): string[] => {
      const c = id ? codeById.get(id) : undefined;
      if (!c || seen.has(c.id)) return [];
      seen.add(c.id);
      return [...path(c.parentId, seen), c.name];
    };
    return data.codes.map((c) => ({ id: c.id, name: c.name, colour: c.colour, path: path(c.id).join(' › ') }));
  }, [data.codes, codeById]);
  const shown = useMemo<ShownCoding[]>(() => {
    const coderById = new Map(coders.map((c) => [c.id, c]));
    return (codings ?? []).flatMap((c) => {
      const code = codeById.get(c.codeId);
      if (!code) return [];
      const who = coderById.get(c.coderId);
      return [
        {
          id: c.id,
          start: c.start,
          end: c.end,
          codeId: c.codeId,
          codeName: code.name,
          colour: code.colour,
          coderName: who?.name ?? 'unknown coder',
          coderInitials: who?.initials ?? '?',
        },
      ];
    });
  }, [codings, codeById, coders]);

  const fail = (e: unknown) => setStatus(e instanceof Error ? e.message : String(e));

  const apply = async (codeId: string) => {
    if (!doc || !selection || !coder) {
      if (!coder) setStatus('This project has no coder, so codings cannot be saved.');
      return;
    }
    try {
      await addCoding(db, { projectId: project.id, documentId: doc.id, codeId, start: selection.start, end: selection.end, coderId: coder.id });
      setStatus(`Coded “${snippet(text?.slice(selection.start, selection.end) ?? '', 40)}” as ${codeById.get(codeId)?.name ?? 'code'}.`);
      setSelection(null);
      setQuickOpen(false);
      paneRef.current?.focus();
    } catch (e) {
      fail(e);
    }
  };

  const source = doc && data.sources.find((s) => s.id === doc.sourceId);
  const participant = doc?.participantId ? data.participants.find((p) => p.id === doc.participantId) : undefined;

  return (
    <div className="workbench">
      <aside className="pane pane--left" aria-label="Project and documents">
        <DocumentList
          sources={data.sources}
          documents={data.documents}
          currentId={docId}
          onOpen={(id) => {
            setDocId(id);
            setSelection(null);
            setQuickOpen(false);
          }}
        />
      </aside>
      <main className="pane pane--centre" id="document-area" tabIndex={-1}>
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
          />
        ) : (
          <div className="placeholder">
            <h2>{project.name}</h2>
            <p>
              {data.documents.length === 0
                ? 'This project has no documents yet.'
                : 'Choose a document on the left to read and code it.'}
            </p>
          </div>
        )}
      </main>
      <aside className="pane pane--right" aria-label="Codebook and codings">
        <CodebookPanel
          codes={data.codes}
          counts={data.counts}
          canApply={Boolean(doc && selection)}
          onApply={(id) => void apply(id)}
          onCreate={(parentId) => createCode(db, { projectId: project.id, name: 'New code', parentId })}
          onRename={(id, name) => void updateCode(db, id, { name }).catch(fail)}
          onMove={(id, parentId) =>
            void moveCode(db, id, parentId).then(() => setStatus('Code moved.'), fail)
          }
          onDelete={(id) =>
            void deleteCode(db, id).then(
              (r) => setStatus(`Deleted ${r.codes} ${r.codes === 1 ? 'code' : 'codes'} and ${r.codings} ${r.codings === 1 ? 'coding' : 'codings'}.`),
              fail,
            )
          }
        />
        {doc && text !== undefined && (
          <CodingList text={text} codings={shown} onRemove={(id) => void removeCoding(db, id).then(() => setStatus('Coding removed.'), fail)} />
        )}
      </aside>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
