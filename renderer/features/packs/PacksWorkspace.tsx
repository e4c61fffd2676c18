/**
 * Packs: choose an audience, set the disclosure threshold, preview the pack (built from the same
 * document model as every export and the CLI), export it as HTML, DOCX or XLSX. The public pack
 * lists the quotes it refused and why, and shows its readability.
 * (PDF: `chorus pack --format pdf` today; Electron printToPDF of the HTML is to be wired here.)
 */
import { useEffect, useState } from 'react';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { execute, exportBundle } from '../../db/api';
import { errorMessage } from '../../../shared/error-message';
import { AUDIENCE_LABELS, PACK_AUDIENCES, type PackAudience, type PackDocument } from '../../../shared/packs/model';
import { makePack } from '../../../shared/packs/make';
import { readabilityStatement } from '../../../shared/packs/readability';
import { APP_PACK_FORMATS, exportPack, type AppPackFormat } from './exportPack';
import { PackPreview } from './PackPreview';
import './packs.css';

export function PacksWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const [audience, setAudience] = useState<PackAudience>('executive');
  const [doc, setDoc] = useState<PackDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);
  const threshold = project.settings.disclosureThreshold;
  const [thresholdInput, setThresholdInput] = useState(String(threshold));

  useEffect(() => setThresholdInput(String(threshold)), [threshold]);

  useEffect(() => {
    let live = true;
    setDoc(null);
    setError(null);
    exportBundle(db, project.id)
      .then((bundle) => {
        if (live) setDoc(makePack(bundle, audience));
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [db, project.id, audience, threshold, revision]);

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
    <main className="packs-workspace" id="document-area" tabIndex={-1} aria-labelledby="packs-title" aria-busy={!doc && !error}>
      <h1 id="packs-title">Packs</h1>
      <div className="packs-controls">
        <fieldset className="packs-audience">
          <legend>Audience</legend>
          {PACK_AUDIENCES.map((a) => (
            <label key={a}>
              <input type="radio" name="pack-audience" value={a} checked={audience === a} onChange={() => setAudience(a)} />
              {AUDIENCE_LABELS[a]}
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
        </div>
      </div>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p className="error" role="alert">
          The pack could not be built: {error}
        </p>
      )}
      {!doc && !error && (
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
