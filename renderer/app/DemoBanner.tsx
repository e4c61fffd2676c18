/** Shown whenever the embedded demonstration project is open. */
export function DemoBanner() {
  return (
    <p className="demo-banner" role="note">
      <strong>Demo project</strong> — all people and places are fictional.
    </p>
  );
}
