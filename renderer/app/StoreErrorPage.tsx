import { StoreError } from '../db/api';
import { errorMessage } from '../../shared/error-message';

interface Advice {
  title: string;
  steps: string[];
}

function adviceFor(error: unknown): Advice {
  if (error instanceof StoreError) {
    switch (error.code) {
      case 'unavailable':
        return {
          title: 'Chorus cannot store your work',
          steps: [
            'Chorus keeps projects in this browser’s IndexedDB storage, which is switched off or unavailable here.',
            'If this is a private or incognito window, open Chorus in a normal window.',
            'Check that site data (cookies and storage) is allowed for Chorus, then reload.',
          ],
        };
      case 'newer-schema':
        return {
          title: 'Your projects were saved by a newer version of Chorus',
          steps: [
            'This copy of Chorus is older than the one that last saved your projects, so it cannot read them safely.',
            'Install the latest version of Chorus and open it again. Nothing has been changed or deleted.',
          ],
        };
      case 'blocked':
        return {
          title: 'Another Chorus window is holding the store open',
          steps: [
            'An older Chorus window or tab is still using the store, so it cannot be upgraded.',
            'Close every other Chorus window or tab, then reload this one.',
          ],
        };
    }
  }
  return {
    title: 'Chorus could not open your projects',
    steps: ['Something unexpected went wrong while opening the store. Reload to try again.'],
  };
}

/** Full-page explanation shown when the store cannot be opened. */
export function StoreErrorPage({ error }: { error: unknown }) {
  const advice = adviceFor(error);
  const detail = errorMessage(error);
  return (
    <main className="store-error" aria-labelledby="store-error-title">
      <h1 id="store-error-title">{advice.title}</h1>
      {advice.steps.map((s) => (
        <p key={s}>{s}</p>
      ))}
      <p className="store-error__detail">
        <strong>Details:</strong> {detail}
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </main>
  );
}
