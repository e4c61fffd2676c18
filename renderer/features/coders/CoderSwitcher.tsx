import { useState } from 'react';
import { execute, setSetting } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { NewCoderDialog } from './NewCoderDialog';
import { CodersPanel } from './CodersPanel';
import { useBlindMode } from './useBlindMode';
import './coders.css';

/** Header control: who is coding now, add a coder, and blind mode for reliability coding. */
export function CoderSwitcher({ projectId }: { projectId: string }) {
  const db = useDb();
  const { coder, coders } = useCoder(db, projectId);
  const [blind, setBlind] = useBlindMode(db);
  const [adding, setAdding] = useState(false);
  const [panel, setPanel] = useState(false);
  /** Change who is coding, and record the change in the audit log (under the new coder's name). */
  const switchTo = async (coderId: string) => {
    await setSetting(db, 'currentCoderId', coderId);
    await execute(db, projectId, { type: 'switchCoder', coderId });
  };
  return (
    <div className="coder-switcher" role="group" aria-label="Coder">
      {coder && <span className="coder-dot" style={{ backgroundColor: coder.colour }} aria-hidden="true" />}
      <label htmlFor="coder-select">Coding as</label>
      <select id="coder-select" value={coder?.id ?? ''} onChange={(e) => void switchTo(e.target.value)}>
        {coders.length === 0 && <option value="">No coders</option>}
        {coders.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.initials})
          </option>
        ))}
      </select>
      <button type="button" onClick={() => setAdding(true)}>
        New coder…
      </button>
      <button type="button" onClick={() => setPanel(true)} title="Coders and the sources each was asked to code (for agreement)">
        Coders…
      </button>
      <label className="coder-switcher__blind" title="Show only your own codings, so that coders can code independently and their agreement can be checked">
        <input type="checkbox" checked={blind} onChange={(e) => void setBlind(e.target.checked)} /> Blind mode
      </label>
      {panel && <CodersPanel projectId={projectId} onClose={() => setPanel(false)} />}
      {adding && (
        <NewCoderDialog
          projectId={projectId}
          onClose={() => setAdding(false)}
          onCreated={(c) => {
            setAdding(false);
            void switchTo(c.id);
          }}
        />
      )}
    </div>
  );
}
