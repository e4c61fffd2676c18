/**
 * Packs: choose an audience, set the disclosure threshold, preview the pack (built from the same
 * document model as every export and the CLI), export it as HTML, DOCX or XLSX. The public pack
 * lists the quotes it refused and why, and shows its readability.
 * PDF: in the app (Electron) Chromium prints the HTML pack (Platform.printToPdf); in a browser pdfmake draws it, as `chorus pack --format pdf` does.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { execute, exportBundle } from '../../db/api';
import { errorMessage } from '../../../shared/error-message';
import { AUDIENCE_LABELS, PACK_AUDIENCES, type PackAudience, type PackDocument } from '../../../shared/packs/model';
import { templateFor } from '../../../shared/packs/make';
import { buildPack } from '../../../shared/packs/build';
import { gatherPackInput } from '../../../shared/packs/gather';
import type { PackTemplate } from '../../../shared/packs/templates';
import type { ProjectBundle } from '../../../shared/model';
import { TemplateEditor } from './TemplateEditor';
import { readabilityStatement } from '../../../shared/packs/readability';
import { APP_PACK_FORMATS, exportPack, type AppPackFormat } from './exportPack';
import { PackPreview } from './PackPreview';
import './packs.css';

export function PacksWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const [audience, setAudience] = useState<PackAudience>('executive');
  const [bundle, setBundle] = useState<ProjectBundle | null>(null);
  // unsaved template edits, per audience: switching audience keeps them (Save, Reset or Discard ends one)
  const [drafts, setDrafts] = useState<Partial<Record<PackAudience, PackTemplate>>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);
  const [editing, setEditing] = useState(false);
  const threshold = project.settings.disclosureThreshold;
  const [thresholdInput, setThresholdInput] = useState(String(threshold));

  useEffect(() => setThresholdInput(String(threshold)), [threshold]);

  useEffect(() => {
    let live = true;
    setError(null);
    exportBundle(db, project.id)
      .then((b) => {
        if (live) setBundle(b);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [db, project.id, threshold, revision]);

  // the template as the project keeps it (its own, or the preset): the draft starts from it
  const [saved, templateError] = useMemo((): [PackTemplate | null, string | null] => {
    if (!bundle) return [null, null];
    try {
      return [templateFor(bundle, audience), null];
    } catch (e) {
      return [null, errorMessage(e)];
    }
  }, [bundle, audience]);
  useEffect(() => setDrafts({}), [project.id]);
  const draft = drafts[audience] ?? saved;
  const dropDraft = (a: PackAudience) =>
    setDrafts((d) => {
      const { [a]: _gone, ...rest } = d;
      return rest;
    });
  // an edit that brings the template back to what is stored is no longer a draft
  const setDraft = (t: PackTemplate) => (saved && JSON.stringify(t) === JSON.stringify(saved) ? dropDraft(t.audience) : setDrafts((d) => ({ ...d, [t.audience]: t })));
  const stored = !!bundle?.packTemplates?.some((t) => t.audience === audience);
  const dirty = !!drafts[audience] && !!saved && JSON.stringify(drafts[audience]) !== JSON.stringify(saved);
  const chooseAudience = (a: PackAudience) => {
    if (drafts[audience]) setStatus(`Your unsaved changes to the ${AUDIENCE_LABELS[audience].toLowerCase()} template are kept: come back to this audience to save or discard them.`);
    setAudience(a);
  };

  // the preview is the same document model every export and the CLI make (makePack = buildPack over gatherPackInput)
  const input = useMemo(() => (bundle ? gatherPackInput(bundle) : null), [bundle]);
  const lastGood = useRef<PackDocument | null>(null);
  const doc = useMemo(() => {
    if (!input || !draft || draft.audience !== audience) return null;
    try {
      lastGood.current = buildPack(draft, input);
    } catch {
      // an unfinished edit (an empty heading): keep showing the last pack that could be built
    }
    return lastGood.current?.audience === audience ? lastGood.current : null;
  }, [input, draft, audience]);

  const saveTemplate = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      const r = await execute(db, project.id, { type: 'savePackTemplate', template: draft });
      setStatus(r.step === null ? 'Nothing to save.' : `Saved the ${AUDIENCE_LABELS[audience].toLowerCase()} template.`);
      dropDraft(draft.audience);
      setRevision((x) => x + 1);
    } catch (e) {
      setStatus(`The template was not saved: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const resetTemplate = async () => {
    setBusy(true);
    try {
      await execute(db, project.id, { type: 'resetPackTemplate', audience });
      dropDraft(audience);
      setStatus(`The ${AUDIENCE_LABELS[audience].toLowerCase()} pack uses the preset template again.`);
      setRevision((x) => x + 1);
    } catch (e) {
      setStatus(`The template was not reset: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const save = async (format: AppPackFormat) => {
    if (!doc) return;
    setBusy(true);
    try {
      const name = await exportPack(doc, format);
      setStatus(name ? `Exported ${name}.` : 'Export cancelled.');
    } catch (e) {
      setStatus(`The export failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const setThreshold = async () => {
    const n = Number(thresholdInput);
    try {
      await execute(db, project.id, { type: 'updateProjectSettings', disclosureThreshold: n });
      setStatus(`Counts below ${n} are now suppressed in everything published.`);
    } catch (e) {
      setStatus(errorMessage(e));
    }
  };

  return (
    <main className="packs-workspace" id="document-area" tabIndex={-1} aria-labelledby="packs-title" aria-busy={!doc && !error && !templateError}>
      <h1 id="packs-title">Packs</h1>
      <div className="packs-controls">
        <fieldset className="packs-audience">
          <legend>Audience</legend>
          {PACK_AUDIENCES.map((a) => (
            <label key={a}>
              <input type="radio" name="pack-audience" value={a} checked={audience === a} onChange={() => chooseAudience(a)} />
              {AUDIENCE_LABELS[a]}
              {drafts[a] && <span className="packs-unsaved"> (unsaved changes)</span>}
            </label>
          ))}
        </fieldset>
        <form
          className="packs-threshold"
          onSubmit={(e) => {
            e.preventDefault();
            void setThreshold();
          }}
        >
          <label htmlFor="pack-threshold">Suppress counts below</label>
          <input id="pack-threshold" type="number" min={0} max={1000} step={1} value={thresholdInput} onChange={(e) => setThresholdInput(e.target.value)} />
          <button type="submit" disabled={thresholdInput === String(threshold)}>
            Set threshold
          </button>
        </form>
        <div className="packs-export" role="group" aria-label="Export the pack">
          {APP_PACK_FORMATS.map((f) => (
            <button key={f} type="button" disabled={!doc || busy} onClick={() => void save(f)}>
              Export {f.toUpperCase()}
            </button>
          ))}
          <button type="button" onClick={() => setRevision((r) => r + 1)}>
            Rebuild
          </button>
          <button type="button" aria-expanded={editing} aria-controls="pack-template-editor" onClick={() => setEditing((x) => !x)}>
            {editing ? 'Close the template editor' : 'Edit the template'}
          </button>
        </div>
      </div>
      <div id="pack-template-editor">
        {editing && draft && (
          <TemplateEditor
            audience={audience}
            draft={draft}
            stored={stored}
            dirty={dirty}
            busy={busy}
            onChange={setDraft}
            onSave={() => void saveTemplate()}
            onReset={() => void resetTemplate()}
            onDiscard={() => (dropDraft(audience), setStatus(`Your changes to the ${AUDIENCE_LABELS[audience].toLowerCase()} template were discarded.`))}
          />
        )}
      </div>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
      {(error ?? templateError) && (
        <p className="error" role="alert">
          The pack could not be built: {error ?? templateError}
        </p>
      )}
      {!doc && !error && !templateError && (
        <p className="busy" role="status">
          Building the pack…
        </p>
      )}
      {doc && (
        <>
          {doc.audience === 'public' && (
            <div className="packs-checks" aria-label="Checks for the public pack">
              <p className="packs-readability" data-testid="readability">
                {readabilityStatement(doc.readability)}
              </p>
              {doc.refusedQuotes.length > 0 && (
                <>
                  <h2>Quotes left out of this pack</h2>
                  <p>A quote goes into the public pack only once a person has confirmed it is safe to publish, and it passes the personal-data check.</p>
                  <ul className="packs-refused" data-testid="refused-quotes">
                    {doc.refusedQuotes.map((q) => (
                      <li key={q.quoteId}>
                        <q>{q.text.length > 120 ? `${q.text.slice(0, 119)}…` : q.text}</q> — {q.reasons.join('; ')}.
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <PackPreview doc={doc} />
        </>
      )}
    </main>
  );
}
