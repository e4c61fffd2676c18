import type { Quote } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import { useDb } from '../../app/dbContext';
import { execute } from '../../db/api';

/** The marker a confirmed quote carries, with a way to withdraw the confirmation. */
export function ConfirmedMarker({ projectId, quote, onDone }: { projectId: string; quote: Quote; onDone: (message: string) => void }) {
  const db = useDb();
  return (
    <span className="confirmed-marker" data-testid="confirmed-marker">
      <span className="confirmed-marker__badge">✓ Confirmed for publication</span>{' '}
      <button
        type="button"
        className="link-button"
        onClick={() =>
          void execute(db, projectId, { type: 'unconfirmQuote', quoteId: quote.id }).then(
            () => onDone('Confirmation withdrawn: the public pack will leave this quote out.'),
            (e: unknown) => onDone(errorMessage(e)),
          )
        }
      >
        Withdraw confirmation
      </button>
    </span>
  );
}
