import type { ReactNode, RefObject } from 'react';
import type { DocumentMeta, Participant, Source, Variable } from '../../../shared/model';
import { DocumentHeader } from './DocumentHeader';
import { QuickCode } from './QuickCode';
import { snippet } from '../../../shared/coding/snippet';
import { TextPane } from './TextPane';
import { FoldedText } from '../safeguarding/FoldedText';
import type { CodeOption, ShownCoding } from './types';
import type { TextSpan } from './words';

interface Props {
  doc: DocumentMeta;
  source: Source | undefined;
  participant: Participant | undefined;
  variables: readonly Variable[];
  text: string | undefined;
  codings: readonly ShownCoding[];
  selection: TextSpan | null;
  onSelect: (span: TextSpan | null) => void;
  quickCodeOpen: boolean;
  onOpenQuickCode: () => void;
  onCloseQuickCode: () => void;
  codeOptions: readonly CodeOption[];
  onApply: (codeId: string) => void;
  paneRef: RefObject<HTMLDivElement | null>;
  /** Extra controls in the document header (e.g. the document memo button). */
  headerActions?: ReactNode;
  /** Extra controls in the quick-code box (e.g. in-vivo code, uncode). */
  quickCodeActions?: ReactNode;
}

export function DocumentViewer(props: Props) {
  const { doc, text, selection } = props;
  return (
    <article className="viewer" aria-labelledby="viewer-title">
      <span id="viewer-title" className="visually-hidden">
        Document: {doc.title}
      </span>
      <DocumentHeader doc={doc} source={props.source} participant={props.participant} variables={props.variables} actions={props.headerActions} />
      {text === undefined ? (
        <p className="empty">Loading the text…</p>
      ) : (
        <FoldedText projectId={doc.projectId} documentId={doc.id} text={text} turns={doc.turns}>
          {(folds, show) => (
            <TextPane
              text={text}
              turns={doc.turns}
              codings={props.codings}
              selection={selection}
              onSelect={props.onSelect}
              onRequestCode={props.onOpenQuickCode}
              paneRef={props.paneRef}
              folds={folds}
              onShowFold={show}
            />
          )}
        </FoldedText>
      )}
      {props.quickCodeOpen && selection && text !== undefined && (
        <QuickCode
          codes={props.codeOptions}
          snippet={snippet(text.slice(selection.start, selection.end), 60)}
          onApply={props.onApply}
          onClose={props.onCloseQuickCode}
          actions={props.quickCodeActions}
        />
      )}
    </article>
  );
}
