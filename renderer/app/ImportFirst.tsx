/** The empty state of a workspace in a project with nothing imported yet: what to do, and a button to the Import workspace. */
export function ImportFirst({ what = 'documents' }: { what?: string }) {
  return (
    <div className="import-first">
      <p>This project has no {what} yet. Import survey tables (CSV, XLSX, ODS) or transcripts (TXT, MD, RST, DOCX) to start.</p>
      <button
        type="button"
        className="primary"
        onClick={() => {
          window.location.hash = '#/import';
        }}
      >
        Import files…
      </button>
    </div>
  );
}
