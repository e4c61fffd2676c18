import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import type { ChorusDb } from '../../db/api';
import { getPlatform, type AppCommand } from '../../platform';
import { serialRunner } from './serialRunner';
import { exportProjectFile, openedMessage, openProjectFile, pickAndOpenProject } from './projectFiles';

/**
 * The File menu's Open… and Export… (Ctrl/Cmd+O, Ctrl/Cmd+E) and project files the OS hands to
 * Chorus: opens them as new projects and switches to them. Returns a status line for the header.
 */
export function useProjectCommands(db: ChorusDb, project: Project | undefined, switchTo: (id: string) => void): string {
  const [status, setStatus] = useState('');
  const current = useRef(project);
  current.current = project;
  useEffect(() => {
    const run = async (command: AppCommand) => {
      try {
        if (command.type === 'export-project') {
          const p = current.current;
          if (!p) return;
          setStatus(`Exporting “${p.name}”…`);
          setStatus((await exportProjectFile(db, getPlatform(), p)) ? `Exported “${p.name}” as a .qdpx file.` : '');
          return;
        }
        const opened =
          command.type === 'open-file'
            ? (setStatus(`Opening “${command.name}”…`), await openProjectFile(db, { name: command.name, data: new Blob([new Uint8Array(command.bytes)]) }))
            : await pickAndOpenProject(db, getPlatform());
        if (!opened) return;
        switchTo(opened.project.id);
        setStatus(openedMessage(opened));
      } catch (e) {
        setStatus(`Nothing was opened or saved: ${errorMessage(e)}`);
      }
    };
    // one command at a time, in the order asked (a key pressed during an export waits for it)
    const runner = serialRunner(run);
    const stop = getPlatform().onAppCommand((c) => void runner.push(c));
    return () => {
      runner.dispose();
      stop();
    };
  }, [db, switchTo]);
  return status;
}
