import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { execute, historyState, isUndoConflict } from '../db/api';
import { useDb } from './dbContext';
import { errorMessage } from '../../shared/error-message';

/** Whether a key event is Undo (Ctrl/Cmd+Z), Redo (Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y), or neither. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

const isTextField = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((t as HTMLInputElement).type)));

/**
 * Header Undo/Redo buttons labelled with the step they act on, and the keyboard shortcuts (outside
 * text fields). Each tab or window undoes only its own steps; a step another window has since
 * built on is refused with a visible explanation.
 */
export function UndoRedo({ projectId }: { projectId: string }) {
  const db = useDb();
  const state = useLiveQuery(() => historyState(db, projectId), [db, projectId]) ?? { undo: null, redo: null };
  const [message, setMessage] = useState('');
  /** A refusal the user must see (another window changed the same data): shown, not only announced. */
  const [refused, setRefused] = useState('');
  const busy = useRef(false);
  const run = async (which: 'undo' | 'redo') => {
    if (busy.current) return;
    busy.current = true;
    try {
      setRefused('');
      const { result: label } = await execute(db, projectId, { type: which });
      setMessage(label ? `${which === 'undo' ? 'Undone' : 'Redone'}: ${label}` : `Nothing to ${which}.`);
    } catch (e) {
      if (isUndoConflict(e)) setRefused(errorMessage(e));
      else setMessage(`Could not ${which}: ${errorMessage(e)}`);
    } finally {
      busy.current = false;
    }
  };
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = historyKey(e);
      if (!which || isTextField(e.target)) return;
      e.preventDefault();
      void runRef.current(which);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  const mod = mac ? 'Meta' : 'Control';
  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button type="button" disabled={!state.undo} onClick={() => void run('undo')} aria-keyshortcuts={`${mod}+Z`} title={`${mac ? '⌘' : 'Ctrl+'}Z`}>
        {state.undo ? `Undo ${state.undo}` : 'Undo'}
      </button>
      <button type="button" disabled={!state.redo} onClick={() => void run('redo')} aria-keyshortcuts={`${mod}+Shift+Z ${mod}+Y`} title={`${mac ? '⌘⇧' : 'Ctrl+Shift+'}Z`}>
        {state.redo ? `Redo ${state.redo}` : 'Redo'}
      </button>
      <span className="visually-hidden" role="status">
        {message}
      </span>
      {refused && (
        <div className="undo-redo__refused" role="alert">
          <span>{refused}</span>
          <button type="button" onClick={() => setRefused('')}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
