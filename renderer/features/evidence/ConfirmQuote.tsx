/**
 * "Confirm for publication": shows a candidate quote's safety check first — the import gate's
 * personal-data detector run again on its text, and whether what the pack says about the speaker
 * (the kind of source) is shared by fewer people than the disclosure threshold — and only then lets a
 * person confirm it (confirmQuote). The public pack takes only confirmed quotes that pass the check
 * (shared/packs/quote-safety.ts, the same functions). Used in the Code view and the Findings workspace,
 * loaded when first opened (./ConfirmQuoteOnDemand.tsx).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { quoteSafety, speakerAttributes, speakerPopulation } from '../../../shared/packs/quote-safety';
import type { Quote } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import { useDb } from '../../app/dbContext';
import { useProjectData } from '../../app/useProjectData';
import { execute, listDocumentView, listProjects } from '../../db/api';
import { viewDocument } from '../../../shared/import/document-view';
import './evidence.css';

export interface ConfirmQuoteProps {
  projectId: string;
  quote: Quote;
  /** The quote's text, read from its document. */
  text: string;
  /** Who confirms (the current coder). */
  coderId: string | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** The lists this dialog reads whole (its documents are a view: a survey's answers are not made into a list). */
const LISTS = ['sources', 'participants'] as const;

export function ConfirmQuote({ projectId, quote, text, coderId, onDone, onCancel }: ConfirmQuoteProps) {
  const db = useDb();
  const data = useProjectData(db, projectId, LISTS);
  const view = useLiveQuery(() => listDocumentView(db, projectId), [db, projectId]);
  const project = useLiveQuery(async () => (await listProjects(db)).find((p) => p.id === projectId), [db, projectId]);
  const threshold = project?.settings.disclosureThreshold ?? 10;
  const [error, setError] = useState('');
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);

  // (made once per list, not again when the text or the threshold arrives: a survey has 500,000
  // people, and sharedBy counts a population once and keeps the counts on it)
  // (the documents without a participant are each a person of their own: only stored documents can
  // be, as a survey's answers all have one, so the view's stored documents are all it needs)
  const population = useMemo(
    () => speakerPopulation({ sources: data.sources, documents: view?.stored ?? [], participants: data.participants }),
    [data.sources, view, data.participants],
  );
  const safety = useMemo(() => {
    const doc = view && viewDocument(view, quote.documentId);
    const speaker = doc ? speakerAttributes({ sources: data.sources }, doc) : {};
    return { ...quoteSafety(text, speaker, population, threshold), published: Object.values(speaker).join(', ') };
  }, [data.sources, view, population, quote.documentId, text, threshold]);
  const loaded = project !== undefined && view !== undefined && view.length > 0;
  const blocked = safety.personalData.length > 0;

  const confirm = async () => {
    try {
      if (!coderId) throw new Error('Choose who you are (the coder) before confirming a quote for publication.');
      await execute(db, projectId, { type: 'confirmQuote', quoteId: quote.id, coderId });
      onDone('Confirmed for publication: the public pack can now use this quote.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section ref={ref} className="confirm-quote" tabIndex={-1} aria-labelledby={`confirm-${quote.id}`} data-testid="confirm-quote" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <h3 id={`confirm-${quote.id}`}>Confirm this quote for publication</h3>
      <blockquote className="confirm-quote__text">{text}</blockquote>
      <h4>Safety check</h4>
      {!loaded ? (
        <p aria-busy="true">Checking…</p>
      ) : (
        <ul className="confirm-quote__checks" aria-label="Safety check results">
          <li data-check="personal-data" data-ok={String(!blocked)}>
            {blocked ? (
              <>
                <strong>Personal data found:</strong> it seems to contain {safety.personalData.join(', ')}. It cannot go into the public pack until that is removed
                (redact it in the document, or choose another quote).
              </>
            ) : (
              <>
                <strong>No personal data found</strong> by the import check (names, contact details, reference numbers and similar). Read it yourself as well: the check
                cannot catch everything.
              </>
            )}
          </li>
          <li data-check="rare-combination" data-ok={String(!safety.rareCombination)}>
            {safety.rareCombination ? (
              <>
                <strong>Warning: rare combination.</strong> The pack says this quote is from a {safety.published} source, and fewer than {threshold} people gave
                feedback that way, so the quote could point to the speaker. Confirm only if the words cannot identify them.
              </>
            ) : (
              <>
                <strong>Attributes are not rare:</strong> the pack says only that this quote is from a {safety.published} source, and at least {threshold} people gave feedback that way.
              </>
            )}
          </li>
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="confirm-quote__actions">
        <button type="button" className="primary" disabled={!loaded || blocked} onClick={() => void confirm()}>
          Confirm for publication
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
