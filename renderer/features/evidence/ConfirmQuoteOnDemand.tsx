/**
 * The "Confirm for publication" dialog, loaded when first opened: its check (the import gate's
 * personal-data detector, with its lists of names and words: about 240 KB) is then not part of the
 * app's first load, which the main thread compiles and runs in one task before anything shows.
 */
import { lazy, Suspense } from 'react';
import type { ConfirmQuoteProps } from './ConfirmQuote';

const Dialog = lazy(() => import('./ConfirmQuote').then((m) => ({ default: m.ConfirmQuote })));

export function ConfirmQuoteOnDemand(props: ConfirmQuoteProps) {
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          Loading the check…
        </p>
      }
    >
      <Dialog {...props} />
    </Suspense>
  );
}
