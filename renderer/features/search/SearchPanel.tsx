import { useEffect, useRef, useState } from 'react';
import type { HitScope, SearchMode, SearchQuery } from '../../../shared/coding/search';
import type { Participant, Source, Variable } from '../../../shared/model';
import type { ChorusDb } from '../../db/api';
import type { CodingPreview, SearchFilter, SearchResult } from '../../workers/search-core';
import type { SearchService } from '../../workers/search-client';
import { ApplyStatus } from './ApplyStatus';
import type { CodeChoice } from './codeOptions';
import { CodePicker } from './CodePicker';
import { FilterFields } from './FilterFields';
import { KwicList } from './KwicList';
import { openDocumentAt } from '../../app/openDocument';
import { plural, PreviewBox } from './PreviewBox';
import { SCOPES } from './scopes';
import { useApply } from './useApply';
import { errorMessage } from '../../../shared/error-message';

export const RESULT_LIMIT = 500;

const MODES: { value: SearchMode; label: string }[] = [
  { value: 'plain', label: 'Plain text' },
  { value: 'word', label: 'Whole words' },
  { value: 'stem', label: 'Word forms (stemmed)' },
  { value: 'regex', label: 'Regular expression' },
];

interface Props {
  db: ChorusDb;
  projectId: string;
  coderId: string | undefined;
  service: SearchService;
  sources: readonly Source[];
  variables: readonly Variable[];
  participants: readonly Participant[];
  choices: readonly CodeChoice[];
}

/** Corpus search with keyword-in-context results, and "code all hits". */
export function SearchPanel({ db, projectId, coderId, service, sources, variables, participants, choices }: Props) {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<SearchMode>('stem');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [filter, setFilter] = useState<SearchFilter>({ sourceIds: [], attribute: null });
  const [result, setResult] = useState<SearchResult | null>(null);
  const [queryError, setQueryError] = useState('');
  const [busy, setBusy] = useState(false);
  const [codeId, setCodeId] = useState('');
  const [scope, setScope] = useState<HitScope>('sentence');
  const [preview, setPreview] = useState<CodingPreview | null>(null);
  const applier = useApply(db, projectId);
  const seq = useRef(0);

  const query: SearchQuery = { text, mode, caseSensitive };
  const queryKey = JSON.stringify([text, mode, caseSensitive, filter]);

  useEffect(() => {
    setPreview(null);
    if (!text.trim()) {
      setResult(null);
      setQueryError('');
      return;
    }
    const mine = ++seq.current;
    setBusy(true);
    const timer = setTimeout(() => {
      void service.call({ dbName: db.name, projectId, kind: 'search', query: { text, mode, caseSensitive }, filter, limit: RESULT_LIMIT }).then(
        (reply) => {
          if (mine !== seq.current) return;
          setBusy(false);
          if (reply.ok && reply.kind === 'search') {
            setResult(reply.result);
            setQueryError('');
          } else if (!reply.ok) {
            setResult(null);
            setQueryError(reply.message);
          }
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setBusy(false);
          setQueryError(errorMessage(e));
        },
      );
    }, 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- queryKey covers the query and filter
  }, [queryKey, service, db, projectId]);

  const previewHits = async () => {
    if (!coderId) return applier.say('This project has no coder, so codings cannot be saved.');
    setPreview(null);
    const reply = await service.call({ dbName: db.name, projectId, kind: 'code-hits', query, filter, scope, codeId, coderId });
    if (reply.ok && reply.kind === 'preview') setPreview(reply.preview);
    else if (!reply.ok) applier.say(reply.message);
  };
  const codeName = choices.find((c) => c.id === codeId)?.path ?? 'the code';

  return (
    <section className="search-panel" aria-labelledby="search-heading">
      <h2 id="search-heading" className="pane-title">
        Search the project
      </h2>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-text">Search for</label>
        <input
          id="search-text"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={queryError ? true : undefined}
          aria-describedby={queryError ? 'search-error' : undefined}
          placeholder="e.g. kept informed"
          autoComplete="off"
          spellCheck={false}
        />
        <label htmlFor="search-mode">Match</label>
        <select id="search-mode" value={mode} onChange={(e) => setMode(e.target.value as SearchMode)}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Match case
        </label>
      </form>
      <FilterFields idPrefix="search" sources={sources} variables={variables} participants={participants} filter={filter} onChange={setFilter} />
      {queryError && (
        <p id="search-error" className="search-error" role="alert">
          {queryError}
        </p>
      )}
      <p className="search-summary" aria-live="polite">
        {busy ? 'Searching…' : result ? `${plural(result.total, 'hit')} in ${plural(result.documents, 'document')}.` : ''}
        {!busy && result && result.total > result.rows.length && ` Showing the first ${result.rows.length.toLocaleString('en-GB')}; narrow the search or filters to see the rest.`}
      </p>
      {result && result.rows.length > 0 && (
        <>
          <KwicList rows={result.rows} onOpen={(r) => void openDocumentAt(db, { projectId, documentId: r.documentId, start: r.start, end: r.end })} />
          <section className="code-hits" aria-labelledby="code-hits-heading">
            <h3 id="code-hits-heading">Code all hits</h3>
            <div className="field-row">
              <CodePicker id="code-hits-code" label="Code" choices={choices} value={codeId} onChange={(id) => (setCodeId(id), setPreview(null))} />
              <span className="field">
              <label htmlFor="code-hits-scope">What to code</label>
              <select id="code-hits-scope" value={scope} onChange={(e) => (setScope(e.target.value as HitScope), setPreview(null))}>
                {SCOPES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
              </span>
              <button type="button" disabled={!codeId || busy} onClick={() => void previewHits()}>
                Preview
              </button>
            </div>
            {preview && (
              <PreviewBox
                preview={preview}
                codeName={codeName}
                busy={applier.busy}
                onApply={() =>
                  void applier
                    .apply(preview.proposals, coderId!, `Code all hits as ${codeName}`, (n) => `Coded ${plural(n, 'segment')} as ${codeName}.`)
                    .then((ok) => ok && setPreview(null))
                }
              />
            )}
          </section>
        </>
      )}
      <ApplyStatus message={applier.message} canUndo={applier.canUndo} onUndo={() => void applier.undoLast()} />
    </section>
  );
}
